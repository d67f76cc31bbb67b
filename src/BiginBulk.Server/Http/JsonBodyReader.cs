using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Json;
using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Http;

/// <summary>
/// Reads a JSON request body with a size cap, turning every way it can be wrong (empty, too large, not
/// JSON) into a precise 400 rather than a framework error page.
/// </summary>
internal sealed class JsonBodyReader(IOptions<BiginBulkOptions> options)
{
    private const int MaxDepth = 64;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

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

        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        // Windows tools (PowerShell 5, Notepad) save UTF-8 with a byte order mark; JSON parsers skip it, so do we.
        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (body.IsEmpty)
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", "the request body is empty; a JSON object is required.", Root()));
        }

        // System.Text.Json checks string contents only when a value is read, which would surface as a 500
        // deep inside validation; JSON text must be UTF-8 (RFC 8259 §8.1), so refuse anything else up front.
        if (!Utf8.IsValid(body))
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", "the request body is not valid UTF-8 JSON.", Root()));
        }

        // An escaped lone surrogate ("\uD800") is valid JSON text but no string: reading it throws, again deep
        // inside validation. Refuse it here with the other encoding errors.
        if (FindBrokenString(body) is { } broken)
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", "the request body holds a string that is not valid Unicode (a lone surrogate escape).", new JsonObject
            {
                ["json_path"] = "$",
                ["position"] = broken + 1,
            }));
        }

        // A repeated key would make JsonObject throw on first use (a 500), and keys are matched case-insensitively.
        if (JsonDuplicateKeys.FindFirst(body, MaxDepth) is { } duplicate)
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", $"the key at {duplicate} is given more than once.", new JsonObject
            {
                ["json_path"] = duplicate,
            }));
        }

        try
        {
            var options = new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
            return JsonNode.Parse(body, documentOptions: options)
                ?? throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", "the request body is JSON null; a JSON object is required.", Root()));
        }
        catch (JsonException ex)
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", "the request body is not valid JSON.", new JsonObject
            {
                ["reason"] = ex.Message,
                ["json_path"] = ex.Path ?? "$",
                ["line"] = ex.LineNumber + 1,
                ["position"] = ex.BytePositionInLine + 1,
            }));
        }
    }

    /// <summary>The byte offset of the first string or key that does not decode, or null. Malformed JSON is
    /// left to the parser, which reports it with its line and position.</summary>
    private static long? FindBrokenString(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    try
                    {
                        _ = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return reader.TokenStartIndex;
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static JsonObject Root() => new() { ["json_path"] = "$" };

    private static ZohoErrorException TooLarge(long limit) =>
        new(new ZohoError(400, "INVALID_DATA", $"the request body is larger than {limit} bytes.", new JsonObject { ["max_limit"] = limit }));
}
