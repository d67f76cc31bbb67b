using System.Globalization;

namespace BiginBulk.Server.Json;

/// <summary>Zoho writes times as ISO 8601 with an offset and no fraction: <c>2019-01-30T02:21:32-12:00</c>.</summary>
internal static class ZohoTime
{
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
