using System.Text.Json;

namespace BiginBulk.Client;

/// <summary>
/// Every error the Bigin Bulk API (or its accounts host) answers: the HTTP status, Zoho's <c>code</c>, the
/// message, the <c>details</c> object naming the culprit, and the raw body as received.
/// </summary>
public sealed class BulkApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status code (0 when no response arrived).</param>
    /// <param name="errorCode">Zoho's error code, e.g. <c>INVALID_TOKEN</c>, or null.</param>
    /// <param name="message">A readable message.</param>
    /// <param name="details">The <c>details</c> object, or null.</param>
    /// <param name="rawBody">The response body as received, or null.</param>
    public BulkApiException(int status, string? errorCode, string message, JsonElement? details, string? rawBody)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        Details = details;
        RawBody = rawBody;
    }

    internal BulkApiException(int status, string? errorCode, string message, JsonElement? details, string? rawBody, Exception inner)
        : base(message, inner)
    {
        Status = status;
        ErrorCode = errorCode;
        Details = details;
        RawBody = rawBody;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public BulkApiException()
        : this(0, null, "The Bigin Bulk API call failed.", null, null)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">A readable message.</param>
    public BulkApiException(string message)
        : this(0, null, message, null, null)
    {
    }

    /// <summary>Creates the exception around another.</summary>
    /// <param name="message">A readable message.</param>
    /// <param name="innerException">The cause.</param>
    public BulkApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status code, or 0 when no response arrived.</summary>
    public int Status { get; }

    /// <summary>Zoho's error code (<c>INVALID_TOKEN</c>, <c>INVALID_DATA</c>, …), or null.</summary>
    public string? ErrorCode { get; }

    /// <summary>The error's <c>details</c> object (it names the culprit: <c>api_name</c>, <c>json_path</c>), or null.</summary>
    public JsonElement? Details { get; }

    /// <summary>The response body exactly as received, or null.</summary>
    public string? RawBody { get; }

    /// <summary>True for errors caused by the credentials: a refused token, scope or client.</summary>
    public bool IsAuthenticationError => Status == 401 || ErrorCode is "INVALID_TOKEN" or "AUTHENTICATION_FAILURE" or "OAUTH_SCOPE_MISMATCH"
        or "invalid_client" or "invalid_code" or "invalid_token";

    internal static BulkApiException FromResponse(int status, string body)
    {
        string? code = null;
        string? message = null;
        JsonElement? details = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var error = document.RootElement;
            // Bulk read wraps errors in data[0]; the upload gateway has its own shape; Accounts uses "error".
            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0)
            {
                error = data[0];
            }

            if (error.ValueKind == JsonValueKind.Object)
            {
                code = Text(error, "code") ?? Text(error, "error") ?? Text(error, "ERROR_CODE");
                message = Text(error, "message") ?? Text(error, "x-error") ?? Text(error, "ERROR_MESSAGE");
                if (error.TryGetProperty("details", out var d))
                {
                    details = d.Clone();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the raw body still travels with the exception.
        }

        var text = message is null ? $"HTTP {status}" : $"{message} (HTTP {status})";
        return new BulkApiException(status, code, code is null ? text : $"{code}: {text}", details, body);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.ToString() : null;
}
