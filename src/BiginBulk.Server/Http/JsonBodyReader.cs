using System.Text.Json;
using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Http;

/// <summary>
/// Reads a JSON request body with a size cap, turning every way it can be wrong (empty, too large, not
/// JSON) into a precise 400 rather than a framework error page.
/// </summary>
public sealed class JsonBodyReader(IOptions<BiginBulkOptions> options)
{
    public async Task<JsonNode> ReadAsync(HttpRequest request)
    {
        var limit = options.Value.Limits.MaxJsonBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", "the request body is empty; a JSON object is required."));
        }

        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: new JsonDocumentOptions { MaxDepth = 64 })
                ?? throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", "the request body is JSON null; a JSON object is required."));
        }
        catch (JsonException ex)
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", "the request body is not valid JSON.", new JsonObject
            {
                ["reason"] = ex.Message,
                ["line"] = ex.LineNumber is { } line ? line + 1 : null,
                ["position"] = ex.BytePositionInLine is { } position ? position + 1 : null,
            }));
        }
    }

    private static ZohoErrorException TooLarge(long limit) =>
        new(new ZohoError(400, "INVALID_DATA", $"the request body is larger than {limit} bytes.", new JsonObject { ["max_limit"] = limit }));
}
