using System.Globalization;

namespace BiginBulk.Server.Json;

/// <summary>Ids go over the wire as decimal strings (Zoho's SDKs parse them back to Int64).</summary>
internal static class ZohoIds
{
    public static string Format(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a path or body id; anything that is not a positive Int64 is "not found", never a 500.</summary>
    public static bool TryParse(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
