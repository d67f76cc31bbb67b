using System.Text.Json;
using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// Compares the shape of two JSON documents: the same keys in every object and the same JSON value kind
/// (string, number, boolean, null, object, array) for every value, recursively. Values themselves (ids,
/// times, counts) are not compared. Array elements are each compared with the expected array's first
/// element, since Zoho's samples hold arrays of one kind of item.
/// </summary>
public static class JsonShape
{
    /// <summary>Fails with the path of the first difference.</summary>
    /// <param name="expected">The documented sample.</param>
    /// <param name="actual">Our response.</param>
    /// <param name="openObjects">Paths (e.g. <c>$.details</c>) whose value must be an object, whatever its keys.</param>
    /// <param name="extraKeys">Keys our response may add at a path, each with the reason it is there.</param>
    public static void AssertSame(JsonNode? expected, JsonNode? actual, IReadOnlyCollection<string>? openObjects = null, IReadOnlyDictionary<string, string[]>? extraKeys = null)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", openObjects ?? [], extraKeys ?? new Dictionary<string, string[]>(), differences);
        Assert.True(differences.Count == 0, $"The response's shape differs from the documented sample:\n{string.Join('\n', differences)}\nresponse: {actual?.ToJsonString()}");
    }

    public static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Null => "null",
            var other => other.ToString(),
        },
        _ => "unknown",
    };

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, IReadOnlyCollection<string> open, IReadOnlyDictionary<string, string[]> extra, List<string> differences)
    {
        var (expectedKind, actualKind) = (Kind(expected), Kind(actual));
        if (expectedKind != actualKind)
        {
            differences.Add($"{path}: documented {expectedKind}, ours {actualKind}");
            return;
        }

        if (open.Contains(path))
        {
            return;
        }

        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = actual!.AsObject();
                var allowed = extra.TryGetValue(path, out var keys) ? keys : [];
                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(key))
                    {
                        differences.Add($"{path}: missing key '{key}'");
                    }
                    else
                    {
                        Compare(value, actualObject[key], $"{path}.{key}", open, extra, differences);
                    }
                }

                foreach (var (key, _) in actualObject)
                {
                    if (!expectedObject.ContainsKey(key) && !allowed.Contains(key))
                    {
                        differences.Add($"{path}: undocumented key '{key}'");
                    }
                }

                break;
            case JsonArray expectedArray:
                var actualArray = actual!.AsArray();
                if (expectedArray.Count == 0 || actualArray.Count == 0)
                {
                    if (expectedArray.Count != actualArray.Count)
                    {
                        differences.Add($"{path}: documented {expectedArray.Count} items, ours {actualArray.Count}");
                    }

                    break;
                }

                for (var i = 0; i < actualArray.Count; i++)
                {
                    Compare(expectedArray[0], actualArray[i], $"{path}[]", open, extra, differences);
                }

                break;
        }
    }
}
