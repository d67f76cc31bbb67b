using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Json;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// Validates a create-bulk-write-job body (both Bigin's and the CRM family's shapes) and turns it into a
/// <see cref="BulkWriteJobDefinition"/>. Every rejection is a Zoho error code with a <c>details</c> that
/// points at the culprit. Only the CSV header is read here; rows are the worker's job.
/// </summary>
public static partial class BulkWriteRequestParser
{
    public static async Task<BulkWriteJobDefinition> ParseAsync(JsonNode? body, BulkWriteRequestContext context, CancellationToken cancellationToken = default)
    {
        if (body is not JsonObject root)
        {
            throw JsonReading.WrongType("$", "a JSON object");
        }

        var operation = ParseOperation(root);
        var encoding = root.OptionalString("character_encoding", "$");
        if (encoding is not null && !context.IsKnownEncoding(encoding))
        {
            throw Error("INVALID_DATA", $"unsupported character_encoding '{encoding}'.", "$.character_encoding", ("api_name", "character_encoding"));
        }

        var ignoreEmpty = root.OptionalBool("ignore_empty", "$");
        var callback = await ParseCallbackAsync(root, context, cancellationToken);

        var resources = root.OptionalArray("resource", "$") ?? throw JsonReading.MissingKey("resource", "$");
        if (resources.Count == 0)
        {
            throw JsonReading.MissingKey("resource", "$");
        }

        if (resources.Count > 1)
        {
            throw Error("INVALID_DATA", "only one resource per bulk write job is supported: Bigin imports one CSV file per job.", "$.resource", ("api_name", "resource"));
        }

        if (resources[0] is not JsonObject resource)
        {
            throw JsonReading.WrongType("$.resource[0]", "a JSON object");
        }

        const string path = "$.resource[0]";
        var type = resource.RequiredString("type", path);
        if (!string.Equals(type, "data", StringComparison.Ordinal))
        {
            throw Error("INVALID_DATA", $"invalid type '{type}': the supported value is data.", $"{path}.type", ("api_name", "type"));
        }

        var (moduleName, module) = ParseModule(resource, context, path);
        var fileId = ParseFileId(resource, path);
        ignoreEmpty = resource.OptionalBool("ignore_empty", path) ?? ignoreEmpty;
        var header = await context.ReadHeader(fileId, encoding, cancellationToken)
            ?? throw Error("INVALID_FILE_ID", "improper file id", $"{path}.file_id", ("api_name", "file_id"));
        if (header.Headers.Count > context.MaxColumns)
        {
            throw Error("HEADER_LIMIT_EXCEEDED", $"the file has {Invariant(header.Headers.Count)} columns; at most {Invariant(context.MaxColumns)} are allowed.", $"{path}.file_id", ("max_limit", context.MaxColumns));
        }

        CheckHeaderNames(header, $"{path}.file_id");

        var findBy = ParseFindBy(resource, module, operation, path);
        var mappingsNode = resource.OptionalArray("field_mappings", path);
        var mappings = mappingsNode is null
            ? MapFromHeader(header, module, context.FindModule, context.MaxColumns)
            : ParseMappings(mappingsNode, header, module, context.FindModule, context.MaxColumns, $"{path}.field_mappings");
        CheckMandatoryMapped(operation, module, mappings, findBy, path);

        return new BulkWriteJobDefinition
        {
            Id = context.JobId,
            Operation = operation,
            ModuleName = moduleName,
            ModuleApiName = module.ApiName,
            FileId = fileId,
            FileName = header.FileName,
            FindBy = findBy,
            IgnoreEmpty = ignoreEmpty ?? false,
            Mappings = mappings,
            Headers = header.Headers,
            Callback = callback,
            RequestedEncoding = encoding,
            CreatedBy = context.CreatedBy,
            CreatedTime = context.CreatedTime,
        };
    }

    private static BulkWriteOperation ParseOperation(JsonObject root)
    {
        var operation = root.RequiredString("operation", "$");
        return operation.ToUpperInvariant() switch
        {
            "INSERT" => BulkWriteOperation.Insert,
            "UPDATE" => BulkWriteOperation.Update,
            "UPSERT" => BulkWriteOperation.Upsert,
            _ => throw Error("INVALID_DATA", $"invalid operation '{operation}': supported values are insert, update and upsert.", "$.operation", ("api_name", "operation")),
        };
    }

    private static async Task<CallbackTarget?> ParseCallbackAsync(JsonObject root, BulkWriteRequestContext context, CancellationToken cancellationToken)
    {
        var node = root.Get("callback", out var key);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject callback)
        {
            throw JsonReading.WrongType($"$.{key}", "a JSON object");
        }

        var path = $"$.{key}";
        var url = callback.RequiredString("url", path);
        var method = callback.OptionalString("method", path) ?? "post";
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase))
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_CALLBACK_METHOD", $"invalid callback method '{method}'.",
                new JsonObject { ["supported_callback_methods"] = new JsonArray("post"), ["json_path"] = $"{path}.method" }));
        }

        string? reason;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            reason = "the url must be an absolute http or https URL";
        }
        else
        {
            reason = await context.CheckCallbackUrl(uri, cancellationToken);
        }

        if (reason is not null)
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_CALLBACK_URL", $"Invalid URL '{url}' for callback.",
                new JsonObject { ["reason"] = reason, ["json_path"] = $"{path}.url" }));
        }

        return new CallbackTarget(url, "post");
    }

    private static (string Name, ModuleDefinition Module) ParseModule(JsonObject resource, BulkWriteRequestContext context, string path)
    {
        var node = resource.Get("module", out _) ?? throw JsonReading.MissingKey("module", path);
        var name = node switch
        {
            JsonObject obj => obj.RequiredString("api_name", $"{path}.module"),
            JsonValue value when value.TryGetValue<string>(out var s) => s,
            _ => throw JsonReading.WrongType($"{path}.module", "a module API name or {\"api_name\": …}"),
        };
        var module = context.FindModule(name)
            ?? throw Error("MODULE_NOT_AVAILABLE", $"Requested module '{name}' is not available.", $"{path}.module", ("api_name", name));
        // Echo the module as the client named it ("Deals" stays "Deals"), in the module's own casing.
        var echoed = module.ApiName.Equals(name, StringComparison.OrdinalIgnoreCase)
            ? module.ApiName
            : module.Aliases.First(a => a.Equals(name, StringComparison.OrdinalIgnoreCase));
        return (echoed, module);
    }

    private static long ParseFileId(JsonObject resource, string path)
    {
        // Zoho's answer to a resource without file_id spells the key "fileid" (CRM's Postman sample,
        // MISSING_REQUIRED_KEY); clients that match on the message get the same text here.
        var text = resource.OptionalIdText("file_id", path)
            ?? throw Error("MISSING_REQUIRED_KEY", "required key fileid is not found in request body.", $"{path}.file_id", ("api_name", "file_id"));
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fileId) || fileId <= 0)
        {
            throw Error("INVALID_FILE_ID", "improper file id", $"{path}.file_id", ("api_name", "file_id"));
        }

        return fileId;
    }

    private static string? ParseFindBy(JsonObject resource, ModuleDefinition module, BulkWriteOperation operation, string path)
    {
        var findBy = resource.OptionalString("find_by", path);
        if (string.IsNullOrEmpty(findBy))
        {
            if (operation != BulkWriteOperation.Insert)
            {
                throw Error("MANDATORY_NOT_FOUND", "Required key find_by is not available", $"{path}.find_by", ("api_name", "find_by"));
            }

            return null;
        }

        if (string.Equals(findBy, SystemFields.BulkWriteId, StringComparison.OrdinalIgnoreCase))
        {
            return SystemFields.BulkWriteId;
        }

        var field = module.FindField(findBy);
        if (field is null || field.ReadOnly || !field.Unique)
        {
            throw Error("INVALID_FIELD",
                field is null ? $"invalid find_by: {findBy} is not a field of {module.ApiName}." : $"invalid find_by: {findBy} is not a unique field of {module.ApiName}; use Id or a unique field.",
                $"{path}.find_by", ("api_name", findBy));
        }

        return field.ApiName;
    }

    /// <summary>
    /// The header row names every column (Bigin's limitations page: row 1 holds the field API names), so a
    /// blank name means the file is not a bulk write CSV: Zoho's "improper file", FILE_NOT_SUPPORTED.
    /// </summary>
    private static void CheckHeaderNames(CsvFileHeader header, string jsonPath)
    {
        for (var i = 0; i < header.Headers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(header.Headers[i]))
            {
                throw new ZohoErrorException(new ZohoError(400, "FILE_NOT_SUPPORTED",
                    $"File not supported for bulk write: column {Invariant(i + 1)} of {header.FileName} has an empty header; the first row must name every column.",
                    new JsonObject { ["json_path"] = jsonPath, ["column_index"] = i }));
            }
        }
    }

    internal static ZohoErrorException Error(string code, string message, string jsonPath, params (string Key, JsonNode? Value)[] details)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in details)
        {
            obj[key] = value;
        }

        obj["json_path"] = jsonPath;
        return new ZohoErrorException(new ZohoError(400, code, message, obj));
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
