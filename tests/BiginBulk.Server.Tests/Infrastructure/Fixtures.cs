using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>The documented Zoho responses under <c>Fixtures/</c>, copied next to the tests at build time.</summary>
public static class Fixtures
{
    public static JsonNode Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        return JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{name} is JSON null.");
    }
}
