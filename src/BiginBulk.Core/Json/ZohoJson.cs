using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BiginBulk.Core.Json;

/// <summary>
/// The one JSON encoding of everything the API writes (response bodies, callback bodies, values quoted in
/// error messages). Zoho writes <c>+</c> in offsets, <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and non-ASCII letters as
/// they are; the framework's default encoder would write <c>\u002B</c> and friends, and a message that quoted
/// a value through it was escaped twice once the envelope itself was written.
/// </summary>
public static class ZohoJson
{
    /// <summary>Relaxed escaping: only what JSON itself requires (quotes, backslashes, control characters).
    /// MaxDepth above the request reader's 64: anything stored from a request, echoed inside a response's own
    /// nesting (a view's criteria in a listing, a job's query in its details), can always be written back.</summary>
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 256 };

    /// <summary>
    /// A request value as an error message shows it: a string as its plain text in double quotes, anything
    /// else as compact JSON, <c>null</c> for a missing value. The message is escaped once, when the envelope is written.
    /// </summary>
    public static string Show(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"\"{v.GetValue<string>()}\"",
        _ => node.ToJsonString(Options),
    };
}
