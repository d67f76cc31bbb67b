using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Json;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

public static partial class BulkReadRequestParser
{
    /// <summary>
    /// <c>file_type</c> sits at the top level in Zoho's docs; SDK8 also has it inside <c>query</c>. Both are
    /// read; if both are given they must agree.
    /// </summary>
    private static BulkReadFileType ParseFileType(JsonObject root, JsonObject query, ModuleDefinition module)
    {
        var top = ReadFileType(root, "$");
        var inner = ReadFileType(query, "$.query");
        if (top is not null && inner is not null && top.Value.Type != inner.Value.Type)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.InvalidRequest, "file_type and query.file_type disagree.", "$.query.file_type",
                ("api_name", "file_type"));
        }

        var (type, path) = top ?? inner ?? (BulkReadFileType.Csv, "$.file_type");
        if (type == BulkReadFileType.Ics && !module.IsNamed(StandardModules.Events.ApiName))
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.ModuleNotSupported,
                $"ICS export is supported only for the Events module, not {module.ApiName}.", path,
                ("api_name", module.ApiName), ("supported", BulkReadErrors.Names([StandardModules.Events.ApiName])));
        }

        return type;
    }

    private static (BulkReadFileType Type, string Path)? ReadFileType(JsonObject obj, string parentPath)
    {
        var path = $"{parentPath}.file_type";
        return obj.OptionalString("file_type", parentPath, WrongType) switch
        {
            null => null,
            var s when string.Equals(s, "csv", StringComparison.OrdinalIgnoreCase) => (BulkReadFileType.Csv, path),
            var s when string.Equals(s, "ics", StringComparison.OrdinalIgnoreCase) => (BulkReadFileType.Ics, path),
            var s => throw BulkReadErrors.Error(BulkReadErrorCodes.InvalidRequest, $"invalid file_type '{s}': supported values are csv and ics.", path,
                ("api_name", "file_type"), ("supported", BulkReadErrors.Names(["csv", "ics"]))),
        };
    }

    /// <summary>
    /// Names are resolved (dot fields included) and returned in their defined casing. A field named twice is
    /// kept once, at its first position: a CSV with two identical columns helps nobody, and refusing a
    /// harmless repetition would only break clients that build the list naively.
    /// </summary>
    private static List<string> ParseFields(JsonObject query, ModuleDefinition module, BulkReadFileType fileType, BulkReadRequestContext context, string path)
    {
        var array = query.OptionalArray("fields", path, WrongType);
        if (array is null || array.Count == 0)
        {
            return [];
        }

        if (fileType == BulkReadFileType.Ics)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.InvalidRequest, "fields is not supported when exporting events as an ICS file.", $"{path}.fields",
                ("api_name", "fields"));
        }

        var fields = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}.fields[{BulkReadErrors.Invariant(i)}]";
            var name = array[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw JsonReading.WrongType(itemPath, "a field API name", WrongType);
            var field = FieldPathResolver.Resolve(module, name, context.FindModule)
                ?? throw BulkReadErrors.Error(BulkReadErrorCodes.FieldNotAvailable, $"the field {name} is not available in {module.ApiName}.", itemPath,
                    ("api_name", name));
            if (!fields.Contains(field.ApiName, StringComparer.OrdinalIgnoreCase))
            {
                fields.Add(field.ApiName);
            }
        }

        return fields;
    }

    /// <summary>
    /// A cvid that is not a number is a malformed request (<c>INVALID_REQUEST</c>), as is one naming no view
    /// of this org; a real view of another module is <c>CVID_NOT_SUPPORTED</c> — the id is fine, just not
    /// usable for this export.
    /// </summary>
    private static async Task<long?> ParseCustomViewAsync(JsonObject query, ModuleDefinition module, BulkReadRequestContext context, string path, CancellationToken cancellationToken)
    {
        var text = query.OptionalIdText("cvid", path, WrongType);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var cvid) || cvid <= 0)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.InvalidRequest, $"invalid cvid '{text}': a custom view id is a number.", $"{path}.cvid",
                ("api_name", "cvid"), ("expected_data_type", "bigint"));
        }

        var viewModule = await context.FindViewModule(cvid, cancellationToken)
            ?? throw BulkReadErrors.Error(BulkReadErrorCodes.InvalidRequest, $"invalid cvid {text}: there is no such custom view.", $"{path}.cvid",
                ("api_name", "cvid"));
        if (!module.IsNamed(viewModule))
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.CvidNotSupported, $"the custom view {text} belongs to {viewModule}, not {module.ApiName}.", $"{path}.cvid",
                ("api_name", "cvid"), ("module", viewModule));
        }

        return cvid;
    }

    /// <summary>
    /// A callback object without a url means no callback: Zoho's own Kaizen #195 samples send
    /// <c>"callback": {"method": "post"}</c>. The method, when given, must still be post.
    /// </summary>
    private static async Task<CallbackTarget?> ParseCallbackAsync(JsonObject root, BulkReadRequestContext context, CancellationToken cancellationToken)
    {
        var node = root.Get("callback", out var key);
        if (node is null)
        {
            return null;
        }

        var path = $"$.{key}";
        if (node is not JsonObject callback)
        {
            throw JsonReading.WrongType(path, "a JSON object", WrongType);
        }

        var method = callback.OptionalString("method", path, WrongType) ?? "post";
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase))
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.InvalidCallbackMethod, $"invalid callback method '{method}'.", $"{path}.method",
                ("api_name", "method"), ("supported_callback_methods", BulkReadErrors.Names(["post"])));
        }

        var url = callback.OptionalString("url", path, WrongType);
        if (url is null)
        {
            return null;
        }

        var reason = !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            ? "the url must be an absolute http or https URL"
            : await context.CheckCallbackUrl(uri, cancellationToken);
        if (reason is not null)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.InvalidCallbackUrl, $"Invalid URL '{url}' for callback.", $"{path}.url",
                ("api_name", "url"), ("reason", reason));
        }

        return new CallbackTarget(url, "post");
    }
}
