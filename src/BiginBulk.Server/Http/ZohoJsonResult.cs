using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BiginBulk.Server.Http;

/// <summary>
/// Writes a JSON body with <c>Content-Type: application/json</c>, exactly as Zoho does: its SDKs choose
/// their parser from that header and reject variants such as <c>application/problem+json</c>.
/// </summary>
public sealed class ZohoJsonResult(int statusCode, JsonNode body) : IResult
{
    // Zoho writes '+' in offsets and non-ASCII text as is; the default encoder would write \u002B.
    // MaxDepth above the request reader's 64: anything stored from a request, echoed inside a response's own
    // nesting (a view's criteria in a listing, a job's query in its details), can always be written back.
    internal static readonly JsonSerializerOptions Options = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 256 };

    public int StatusCode => statusCode;

    public JsonNode Body => body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(Options));
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json";
        httpContext.Response.ContentLength = bytes.Length;
        return httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted).AsTask();
    }
}
