using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Storage;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// <c>GET /bigin/v2/settings/modules</c>, <c>/settings/fields?module=</c> and <c>/settings/layouts?module=</c>:
/// which modules and fields exist, in Zoho's shapes, so clients can build mappings and criteria without
/// guessing. Served under <c>/crm/v{n}</c> too: Zoho's SDKs fetch <c>/crm/v8/settings/fields?module=…</c>
/// before any records call and never send the call without it.
/// </summary>
internal static class MetadataEndpoints
{
    private static readonly string[] ModuleScopes = Scopes.SettingsModulesRead;
    private static readonly string[] FieldScopes = Scopes.SettingsFieldsRead;

    private static readonly string[] LayoutScopes = Scopes.SettingsLayoutsRead;

    public static void MapMetadataEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in RestRoutes.Prefixes)
        {
            Map(app, prefix);
        }
    }

    private static void Map(IEndpointRouteBuilder app, string prefix)
    {
        app.MapGet(prefix + "/settings/modules", async (HttpContext http, AuthContext auth, IOrgStoreProvider stores) =>
        {
            if (!auth.HasAnyScope(ModuleScopes))
            {
                return ZohoErrors.ScopeMismatch(ModuleScopes[0]).ToResult();
            }

            return new ZohoJsonResult(200, new JsonObject
            {
                ["modules"] = new JsonArray([.. (await stores.For(auth.OrgId).GetCatalogAsync(http.RequestAborted)).All.Select(m => (JsonNode)MetadataJson.Module(m))]),
            });
        }).RequireZohoAuth();

        app.MapGet(prefix + "/settings/fields", async (HttpContext http, AuthContext auth, IOrgStoreProvider stores) =>
        {
            if (!auth.HasAnyScope(FieldScopes))
            {
                return ZohoErrors.ScopeMismatch(FieldScopes[0]).ToResult();
            }

            var (module, catalog) = await FindModuleAsync(http, auth, stores);
            return new ZohoJsonResult(200, new JsonObject
            {
                ["fields"] = new JsonArray([.. module.Fields.Select(f => (JsonNode)MetadataJson.Field(module, f, catalog.Find))]),
            });
        }).RequireZohoAuth();

        app.MapGet(prefix + "/settings/layouts", async (HttpContext http, AuthContext auth, IOrgStoreProvider stores) =>
        {
            if (!auth.HasAnyScope(LayoutScopes))
            {
                return ZohoErrors.ScopeMismatch(LayoutScopes[0]).ToResult();
            }

            var (module, catalog) = await FindModuleAsync(http, auth, stores);
            return new ZohoJsonResult(200, new JsonObject { ["layouts"] = new JsonArray(MetadataJson.Layout(module, catalog.Find)) });
        }).RequireZohoAuth();
    }

    private static async Task<(ModuleDefinition Module, ModuleCatalog Catalog)> FindModuleAsync(HttpContext http, AuthContext auth, IOrgStoreProvider stores)
    {
        var name = http.Request.Query["module"].ToString();
        var catalog = await stores.For(auth.OrgId).GetCatalogAsync(http.RequestAborted);
        var module = catalog.Find(name)
            ?? throw new ZohoErrorException(new ZohoError(400, "INVALID_MODULE", "the module name given seems to be invalid", new JsonObject { ["module"] = name }));
        return (module, catalog);
    }
}
