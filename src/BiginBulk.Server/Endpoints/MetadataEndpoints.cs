using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Storage;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// <c>GET /bigin/v2/settings/modules</c> and <c>/bigin/v2/settings/fields?module=</c>: which modules and
/// fields exist, in Zoho's shapes, so clients can build mappings and criteria without guessing.
/// </summary>
public static class MetadataEndpoints
{
    private static readonly string[] ModuleScopes = Scopes.SettingsModulesRead;
    private static readonly string[] FieldScopes = Scopes.SettingsFieldsRead;

    public static void MapMetadataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bigin/v2/settings/modules", async (HttpContext http, AuthContext auth, IOrgStoreProvider stores) =>
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

        app.MapGet("/bigin/v2/settings/fields", async (HttpContext http, AuthContext auth, IOrgStoreProvider stores) =>
        {
            if (!auth.HasAnyScope(FieldScopes))
            {
                return ZohoErrors.ScopeMismatch(FieldScopes[0]).ToResult();
            }

            var name = http.Request.Query["module"].ToString();
            var catalog = await stores.For(auth.OrgId).GetCatalogAsync(http.RequestAborted);
            var module = catalog.Find(name)
                ?? throw new ZohoErrorException(new ZohoError(400, "INVALID_MODULE", "the module name given seems to be invalid", new JsonObject { ["module"] = name }));
            return new ZohoJsonResult(200, new JsonObject
            {
                ["fields"] = new JsonArray([.. module.Fields.Select(f => (JsonNode)MetadataJson.Field(module, f, catalog.Find))]),
            });
        }).RequireZohoAuth();
    }
}
