using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Records;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// <c>GET /bigin/v2/{module}</c> and <c>/bigin/v2/{module}/{id}</c>: read records back in Zoho's record JSON,
/// so users can see what they imported. 204 when there is nothing to return, as Bigin does.
/// </summary>
internal static class RecordEndpoints
{
    // "upload" and "settings" are other routes under /bigin/v2; excluding them here lets a wrong method on
    // them answer INVALID_REQUEST_METHOD instead of being taken for a module name.
    internal const string ModuleSegment = "/{module:regex(^(?!upload$|settings$|users$|org$|coql$)[A-Za-z][A-Za-z0-9_]*$)}";

    public static void MapRecordEndpoints(this IEndpointRouteBuilder app)
    {
        // Also under /crm/v{n}: the SDKs read records there after fetching settings/fields.
        foreach (var prefix in RestRoutes.Prefixes)
        {
            app.MapGet(prefix + ModuleSegment, ListAsync).RequireZohoAuth();
            app.MapGet(prefix + ModuleSegment + "/{id}", GetAsync).RequireZohoAuth();
        }
    }

    private static async Task<IResult> ListAsync(HttpContext http, AuthContext auth, string module, IOrgStoreProvider stores, IOrgDirectory system)
    {
        var store = stores.For(auth.OrgId);
        var catalog = await store.GetCatalogAsync(http.RequestAborted);
        var definition = FindReadableModule(auth, catalog, module);
        var fields = SelectFields(definition, http.Request.Query["fields"].ToString());
        var page = QueryParameters.ReadInt(http.Request, "page", 1, 1, int.MaxValue);
        var perPage = QueryParameters.ReadInt(http.Request, "per_page", 200, 1, 200);
        // A page past any possible record has nothing in it: 204, as for any page past the last.
        var offset = (long)(page - 1) * perPage;
        if (offset > int.MaxValue)
        {
            return Results.NoContent();
        }

        var result = await store.ListRecordsAsync(definition, (int)offset, perPage, http.RequestAborted);
        if (result.Records.Count == 0)
        {
            return Results.NoContent();
        }

        var renderer = await CreateRendererAsync(definition, catalog, result.Records, store, system, auth.OrgId, http.RequestAborted);
        return new ZohoJsonResult(200, new JsonObject
        {
            ["data"] = new JsonArray([.. result.Records.Select(r => (JsonNode)renderer.Render(definition, r, fields))]),
            ["info"] = new JsonObject
            {
                ["per_page"] = perPage,
                ["count"] = result.Records.Count,
                ["page"] = page,
                ["more_records"] = result.MoreRecords,
            },
        });
    }

    private static async Task<IResult> GetAsync(HttpContext http, AuthContext auth, string module, string id, IOrgStoreProvider stores, IOrgDirectory system)
    {
        var store = stores.For(auth.OrgId);
        var catalog = await store.GetCatalogAsync(http.RequestAborted);
        var definition = FindReadableModule(auth, catalog, module);
        var fields = SelectFields(definition, http.Request.Query["fields"].ToString());
        if (!ZohoIds.TryParse(id, out var recordId))
        {
            // Zoho refuses an id that is not a number; "no content" would claim the record might exist.
            return new ZohoError(400, "INVALID_DATA", "the id given seems to be invalid", new JsonObject { ["id"] = id }).ToResult();
        }

        var record = await store.GetRecordAsync(definition, recordId, http.RequestAborted);
        if (record is null)
        {
            return Results.NoContent();
        }

        var renderer = await CreateRendererAsync(definition, catalog, [record], store, system, auth.OrgId, http.RequestAborted);
        return new ZohoJsonResult(200, new JsonObject { ["data"] = new JsonArray(renderer.Render(definition, record, fields)) });
    }

    internal static ModuleDefinition FindReadableModule(AuthContext auth, ModuleCatalog catalog, string name)
    {
        var module = catalog.Find(name)
            ?? throw new ZohoErrorException(new ZohoError(400, "INVALID_MODULE", "the module name given seems to be invalid", new JsonObject { ["module"] = name }));
        if (!auth.HasAnyScope(Scopes.ForModule(module, "READ")))
        {
            throw new ZohoErrorException(ZohoErrors.ScopeMismatch(Scopes.RequiredForModule(module, "READ")));
        }

        return module;
    }

    /// <summary>The <c>fields</c> parameter (comma-separated API names); all fields when absent.</summary>
    private static List<FieldDefinition> SelectFields(ModuleDefinition module, string fields)
    {
        if (string.IsNullOrWhiteSpace(fields))
        {
            return [.. module.Fields.Where(f => f.ApiName != SystemFields.Id)];
        }

        var selected = new List<FieldDefinition>();
        foreach (var name in fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var field = module.FindField(name)
                ?? throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", $"invalid field {name}", new JsonObject { ["api_name"] = name }));
            if (field.ApiName != SystemFields.Id && !selected.Contains(field))
            {
                selected.Add(field);
            }
        }

        return selected;
    }

    internal static async Task<RecordJson> CreateRendererAsync(
        ModuleDefinition module,
        ModuleCatalog catalog,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        IRecordStore store,
        IOrgDirectory system,
        long orgId,
        CancellationToken cancellationToken)
    {
        var users = (await system.ListUsersAsync(orgId, cancellationToken)).ToDictionary(u => u.Id);
        var names = new Dictionary<string, IReadOnlyDictionary<long, string?>>(StringComparer.Ordinal);
        foreach (var group in module.Fields.Where(f => f.Type == FieldType.Lookup).GroupBy(f => f.LookupModule!))
        {
            var ids = records.SelectMany(r => group.Select(f => r.GetValueOrDefault(f.ApiName))).OfType<long>().ToHashSet();
            names[group.Key] = await store.GetDisplayValuesAsync(catalog.Find(group.Key)!, ids, cancellationToken);
        }

        return new RecordJson(users, names);
    }
}
