using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;

namespace BiginBulk.Core.Json;

/// <summary>
/// Typed reads from a request's JSON that fail with Zoho-style errors naming the <c>json_path</c> of the
/// culprit, so a client can see exactly which key of its body was wrong.
/// </summary>
public static class JsonReading
{
    /// <summary>The code the overloads without a code parameter fail with (bulk write's).</summary>
    private const string InvalidData = "INVALID_DATA";

    /// <summary>Finds a key case-insensitively: Zoho's own sample body spells <c>callBack</c>.</summary>
    public static JsonNode? Get(this JsonObject obj, string key, out string actualKey)
    {
        foreach (var (name, value) in obj)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                actualKey = name;
                return value;
            }
        }

        actualKey = key;
        return null;
    }

    public static bool Has(this JsonObject obj, string key) => obj.Get(key, out _) is not null;

    public static string? OptionalString(this JsonObject obj, string key, string path) =>
        obj.OptionalString(key, path, InvalidData);

    /// <summary>Like <see cref="OptionalString(JsonObject, string, string)"/>, failing with <paramref name="wrongTypeCode"/>.</summary>
    public static string? OptionalString(this JsonObject obj, string key, string path, string wrongTypeCode)
    {
        var node = obj.Get(key, out _);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        throw WrongType($"{path}.{key}", "a string", wrongTypeCode);
    }

    public static string RequiredString(this JsonObject obj, string key, string path) =>
        obj.OptionalString(key, path) ?? throw MissingKey(key, path);

    /// <summary>An id sent as a JSON string or number (Zoho's old SDK sends <c>file_id</c> as a number).</summary>
    public static string? OptionalIdText(this JsonObject obj, string key, string path) =>
        obj.OptionalIdText(key, path, InvalidData);

    /// <summary>Like <see cref="OptionalIdText(JsonObject, string, string)"/>, failing with <paramref name="wrongTypeCode"/>.</summary>
    public static string? OptionalIdText(this JsonObject obj, string key, string path, string wrongTypeCode)
    {
        var node = obj.Get(key, out _);
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => throw WrongType($"{path}.{key}", "a string", wrongTypeCode),
        };
    }

    public static bool? OptionalBool(this JsonObject obj, string key, string path)
    {
        var node = obj.Get(key, out _);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var parsed):
                    return parsed;
            }
        }

        throw WrongType($"{path}.{key}", "true or false");
    }

    public static int? OptionalInt(this JsonObject obj, string key, string path) =>
        obj.OptionalInt(key, path, InvalidData);

    /// <summary>Like <see cref="OptionalInt(JsonObject, string, string)"/>, failing with <paramref name="wrongTypeCode"/>.</summary>
    public static int? OptionalInt(this JsonObject obj, string key, string path, string wrongTypeCode)
    {
        var node = obj.Get(key, out _);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number))
            {
                return number;
            }

            if (value.GetValueKind() == JsonValueKind.String
                && int.TryParse(value.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        throw WrongType($"{path}.{key}", "an integer", wrongTypeCode);
    }

    public static JsonObject? OptionalObject(this JsonObject obj, string key, string path) =>
        obj.OptionalObject(key, path, InvalidData);

    /// <summary>Like <see cref="OptionalObject(JsonObject, string, string)"/>, failing with <paramref name="wrongTypeCode"/>.</summary>
    public static JsonObject? OptionalObject(this JsonObject obj, string key, string path, string wrongTypeCode) =>
        obj.Get(key, out _) switch
        {
            null => null,
            JsonObject o => o,
            _ => throw WrongType($"{path}.{key}", "a JSON object", wrongTypeCode),
        };

    public static JsonArray? OptionalArray(this JsonObject obj, string key, string path) =>
        obj.OptionalArray(key, path, InvalidData);

    /// <summary>Like <see cref="OptionalArray(JsonObject, string, string)"/>, failing with <paramref name="wrongTypeCode"/>.</summary>
    public static JsonArray? OptionalArray(this JsonObject obj, string key, string path, string wrongTypeCode) =>
        obj.Get(key, out _) switch
        {
            null => null,
            JsonArray a => a,
            _ => throw WrongType($"{path}.{key}", "a JSON array", wrongTypeCode),
        };

    public static ZohoErrorException MissingKey(string key, string path) => new(new ZohoError(
        400,
        "MISSING_REQUIRED_KEY",
        $"required key {key} is not found in request body.",
        new JsonObject { ["api_name"] = key, ["json_path"] = $"{path}.{key}" }));

    public static ZohoErrorException WrongType(string jsonPath, string expected) => WrongType(jsonPath, expected, InvalidData);

    /// <summary>
    /// A key of the wrong JSON type, reported with <paramref name="code"/>: bulk write answers
    /// <c>INVALID_DATA</c>, but SDK8's bulk-read exception type has no such code, so bulk read passes
    /// <c>INVALID_REQUEST</c>.
    /// </summary>
    public static ZohoErrorException WrongType(string jsonPath, string expected, string code) => new(new ZohoError(
        400,
        code,
        $"{(code == InvalidData ? "invalid data" : "invalid request")}: {jsonPath} must be {expected}.",
        new JsonObject { ["json_path"] = jsonPath, ["expected_data_type"] = expected }));
}
