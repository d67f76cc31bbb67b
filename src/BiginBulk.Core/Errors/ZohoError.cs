using System.Text.Json.Nodes;

namespace BiginBulk.Core.Errors;

/// <summary>
/// An error answered in Zoho's envelope <c>{"status":"error","code":…,"message":…,"details":{…}}</c>,
/// with the HTTP status Zoho's page documents for it.
/// </summary>
public sealed class ZohoError
{
    public ZohoError(int httpStatus, string code, string message, JsonObject? details = null)
    {
        HttpStatus = httpStatus;
        Code = code;
        Message = message;
        Details = details ?? [];
    }

    public int HttpStatus { get; }

    public string Code { get; }

    public string Message { get; }

    public JsonObject Details { get; }

    public JsonObject ToJson() => new()
    {
        ["status"] = "error",
        ["code"] = Code,
        ["message"] = Message,
        ["details"] = Details.DeepClone(),
    };

    public override string ToString() => $"{HttpStatus} {Code}: {Message}";
}
