using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Core.Json;

namespace BiginBulk.Server.Http;

/// <summary>
/// Writes a JSON body with <c>Content-Type: application/json</c>, exactly as Zoho does: its SDKs choose
/// their parser from that header and reject variants such as <c>application/problem+json</c>.
/// </summary>
internal sealed class ZohoJsonResult(int statusCode, JsonNode body) : IResult
{
    public int StatusCode => statusCode;

    public JsonNode Body => body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(ZohoJson.Options));
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json";
        httpContext.Response.ContentLength = bytes.Length;
        return httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted).AsTask();
    }
}
