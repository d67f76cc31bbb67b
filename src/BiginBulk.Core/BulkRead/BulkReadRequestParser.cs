using System.Text.Json.Nodes;
using BiginBulk.Core.Json;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// Validates a create-bulk-read-job body — Bigin's shape (<c>"module": "Contacts"</c>, flat criteria) and
/// CRM v3+'s (<c>"module": {"api_name": …}</c>, <c>field.api_name</c>) — and turns it into a
/// <see cref="BulkReadJobDefinition"/>. Every refusal is an HTTP 400 with a code SDK8's bulk-read exception
/// knows (<see cref="BulkReadErrorCodes"/>) and <c>details</c> naming the culprit.
/// </summary>
/// <remarks>
/// Cheap checks run first; the two that may touch storage or the network (the custom view and the
/// callback URL) run last, so a malformed body never costs a lookup.
/// </remarks>
public static partial class BulkReadRequestParser
{
    private const string WrongType = BulkReadErrorCodes.InvalidRequest;

    /// <summary>
    /// Validates <paramref name="body"/> (null when the request had none) and returns the job to store.
    /// Throws <see cref="Errors.ZohoErrorException"/> (HTTP 400) for the first problem found.
    /// </summary>
    public static async Task<BulkReadJobDefinition> ParseAsync(JsonNode? body, BulkReadRequestContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (body is null)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.RequestBodyIsEmpty, "the request body is empty.", "$");
        }

        if (body is not JsonObject root)
        {
            throw JsonReading.WrongType("$", "a JSON object", WrongType);
        }

        var query = root.OptionalObject("query", "$", WrongType) ?? throw BulkReadErrors.Missing("query", "$");
        const string path = "$.query";
        var (moduleName, module) = ParseModule(query, context, path);
        var fileType = ParseFileType(root, query, module);
        var fields = ParseFields(query, module, fileType, context, path);
        var page = query.OptionalInt("page", path, WrongType) ?? 1;
        if (page < 1)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.InvalidRequest, $"invalid page {BulkReadErrors.Invariant(page)}: page is 1 or more.", $"{path}.page",
                ("api_name", "page"));
        }

        // page_token (CRM v7+) is accepted and ignored: Bigin pages by number only.
        var criteriaNode = query.OptionalObject("criteria", path, WrongType);
        var criteria = criteriaNode is null
            ? null
            : CriteriaParser.Parse(criteriaNode, module, context.FindModule, context.MaxCriteria, $"{path}.criteria");
        var customViewId = await ParseCustomViewAsync(query, module, context, path, cancellationToken);
        var callback = await ParseCallbackAsync(root, context, cancellationToken);

        return new BulkReadJobDefinition
        {
            Id = context.JobId,
            ModuleName = moduleName,
            ModuleApiName = module.ApiName,
            Fields = fields,
            CriteriaJson = criteria is null ? null : CriteriaJsonWriter.Write(criteria),
            CustomViewId = customViewId,
            Page = page,
            FileType = fileType,
            Callback = callback,
            CreatedBy = context.CreatedBy,
            CreatedTime = context.CreatedTime,
        };
    }

    private static (string Name, ModuleDefinition Module) ParseModule(JsonObject query, BulkReadRequestContext context, string path)
    {
        var node = query.Get("module", out _) ?? throw BulkReadErrors.Missing("module", path);
        var name = node switch
        {
            JsonObject obj => obj.OptionalString("api_name", $"{path}.module", WrongType) ?? throw BulkReadErrors.Missing("api_name", $"{path}.module"),
            JsonValue value when value.TryGetValue<string>(out var s) => s,
            _ => throw JsonReading.WrongType($"{path}.module", "a module API name or {\"api_name\": …}", WrongType),
        };
        var module = context.FindModule(name)
            ?? throw BulkReadErrors.Error(BulkReadErrorCodes.ModuleNotAvailable, $"Requested module '{name}' is not available.", $"{path}.module", ("api_name", name));

        // Echo the module as the client named it ("Deals" stays "Deals"), in the module's own casing.
        var echoed = module.ApiName.Equals(name, StringComparison.OrdinalIgnoreCase)
            ? module.ApiName
            : module.Aliases.FirstOrDefault(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? module.ApiName;
        return (echoed, module);
    }
}
