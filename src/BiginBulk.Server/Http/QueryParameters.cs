using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;

namespace BiginBulk.Server.Http;

/// <summary>Query-string numbers (<c>page</c>, <c>per_page</c>) read culture-invariantly, with a precise 400 when out of range.</summary>
internal static class QueryParameters
{
    public static int ReadInt(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", $"{name} must be a whole number from {min} to {max}.",
                new JsonObject { ["param_name"] = name }));
        }

        return value;
    }
}
