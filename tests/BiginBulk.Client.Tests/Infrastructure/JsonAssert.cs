using System.Text.Json.Nodes;

namespace BiginBulk.Client.Tests.Infrastructure;

public static class JsonAssert
{
    /// <summary>Same JSON, key order aside (Zoho reads objects by key).</summary>
    public static void Equivalent(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(Normalize(e), Normalize(a)), $"Expected:\n{Normalize(e)?.ToJsonString()}\nActual:\n{Normalize(a)?.ToJsonString()}");
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalize)]),
        _ => node?.DeepClone(),
    };
}
