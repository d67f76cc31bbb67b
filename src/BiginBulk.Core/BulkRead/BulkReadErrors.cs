using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;

namespace BiginBulk.Core.BulkRead;

/// <summary>Builds the HTTP 400 errors of bulk read, with <c>details</c> naming the culprit.</summary>
internal static class BulkReadErrors
{
    /// <summary>An error whose <c>details</c> holds <paramref name="details"/> and then the <c>json_path</c>.</summary>
    public static ZohoErrorException Error(string code, string message, string jsonPath, params (string Key, JsonNode? Value)[] details)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in details)
        {
            obj[key] = value;
        }

        obj["json_path"] = jsonPath;
        return new ZohoErrorException(new ZohoError(400, code, message, obj));
    }

    public static ZohoErrorException Missing(string key, string path) =>
        Error(BulkReadErrorCodes.MandatoryNotFound, $"required key {key} is not found in request body.", $"{path}.{key}", ("api_name", key));

    public static JsonArray Names(IEnumerable<string> names) => new([.. names.Select(n => (JsonNode?)n)]);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
