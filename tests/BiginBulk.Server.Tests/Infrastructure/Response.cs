using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>An HTTP response read whole: status, content headers, body.</summary>
public sealed record Response(HttpStatusCode Status, string? ContentType, string? ContentDisposition, byte[] Body, HttpResponseHeaders Headers)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    /// <summary>The <c>code</c> of a Zoho error envelope.</summary>
    public string? Code => Json["code"]?.GetValue<string>();

    public void AssertStatus(HttpStatusCode expected) =>
        Assert.True(Status == expected, $"Expected HTTP {(int)expected} but got {(int)Status}: {Text}");

    /// <summary>Asserts a Zoho error envelope: status, <c>"status":"error"</c>, the code, JSON content type.</summary>
    public JsonObject AssertError(HttpStatusCode status, string code)
    {
        AssertStatus(status);
        Assert.Equal("application/json", ContentType);
        var json = Json.AsObject();
        Assert.Equal("error", json["status"]?.GetValue<string>());
        Assert.True(code == json["code"]?.GetValue<string>(), $"Expected code {code}: {Text}");
        Assert.False(string.IsNullOrWhiteSpace(json["message"]?.GetValue<string>()), "An error needs a message.");
        Assert.IsType<JsonObject>(json["details"]);
        return json;
    }
}
