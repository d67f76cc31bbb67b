using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Ids;
using BiginBulk.Core.Json;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Server.Options;
using BiginBulk.Storage;
using BiginBulk.Storage.Views;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// Custom views: Zoho's metadata route lists a module's views (their ids are the <c>cvid</c> of a bulk
/// read); our own route lets an administrator define a view with criteria, which Zoho does only in its UI.
/// </summary>
public static class CustomViewEndpoints
{
    public static void MapCustomViewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bigin/v2/settings/custom_views", ListAsync).RequireZohoAuth();
        app.MapPost("/biginbulk/v1/settings/custom_views", CreateAsync).RequireZohoAuth();
    }

    private static async Task<IResult> ListAsync(HttpContext http, AuthContext auth, IOrgStoreProvider stores)
    {
        if (!auth.HasAnyScope("ZohoBigin.settings.custom_views.READ", "ZohoBigin.settings.custom_views.ALL", "ZohoBigin.settings.ALL"))
        {
            return ZohoErrors.ScopeMismatch("ZohoBigin.settings.custom_views.READ").ToResult();
        }

        var store = stores.For(auth.OrgId);
        var module = RequireModule(await store.GetCatalogAsync(http.RequestAborted), http.Request.Query["module"].ToString());
        var views = await store.ListCustomViewsAsync(module.ApiName, http.RequestAborted);
        return new ZohoJsonResult(200, new JsonObject
        {
            ["custom_views"] = new JsonArray([.. views.Select(v => (JsonNode)Render(v))]),
            ["info"] = new JsonObject
            {
                ["per_page"] = views.Count,
                ["default"] = views.FirstOrDefault(v => v.SystemDefined) is { } all ? ZohoIds.Format(all.Id) : null,
                ["count"] = views.Count,
                ["page"] = 1,
                ["more_records"] = false,
            },
        });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, AuthContext auth, IOrgStoreProvider stores, JsonBodyReader json, IdGenerator ids, TimeProvider time, IOptions<BiginBulkOptions> options)
    {
        if (!auth.HasAnyScope("ZohoBigin.settings.custom_views.CREATE", "ZohoBigin.settings.custom_views.ALL", "ZohoBigin.settings.ALL"))
        {
            return ZohoErrors.ScopeMismatch("ZohoBigin.settings.custom_views.CREATE").ToResult();
        }

        if (auth.Profile != "Administrator")
        {
            return ZohoErrors.NoPermission("create custom views").ToResult();
        }

        var catalog = await stores.For(auth.OrgId).GetCatalogAsync(http.RequestAborted);
        var module = RequireModule(catalog, http.Request.Query["module"].ToString());
        if (await json.ReadAsync(http.Request) is not JsonObject body)
        {
            throw JsonReading.WrongType("$", "a JSON object");
        }

        var name = body.RequiredString("name", "$");
        var criteria = body.Get("criteria", out _);
        if (criteria is not null)
        {
            // Validate now, with the bulk read rules, so a saved view always exports.
            CriteriaParser.Parse(criteria, module, catalog.Find, options.Value.Limits.MaxCriteria, "$.criteria");
        }

        var view = new CustomView(ids.Next(), module.ApiName, name, null, criteria?.DeepClone(), false, time.GetUtcNow());
        await stores.For(auth.OrgId).CreateCustomViewAsync(view, http.RequestAborted);
        return new ZohoJsonResult(201, new JsonObject { ["custom_views"] = new JsonArray(Render(view)) });
    }

    private static ModuleDefinition RequireModule(ModuleCatalog catalog, string name) =>
        catalog.Find(name)
        ?? throw new ZohoErrorException(new ZohoError(400, "INVALID_MODULE", "the module name given seems to be invalid", new JsonObject { ["module"] = name }));

    private static JsonObject Render(CustomView view) => new()
    {
        ["display_value"] = view.Name,
        ["created_time"] = view.SystemDefined ? null : ZohoTime.Format(view.CreatedTime),
        ["system_name"] = view.SystemName,
        ["default"] = view.SystemDefined,
        ["name"] = view.Name,
        ["system_defined"] = view.SystemDefined,
        ["id"] = ZohoIds.Format(view.Id),
        ["module"] = view.Module,
        ["category"] = view.SystemDefined ? "public_views" : "created_by_me",
        ["criteria"] = view.Criteria?.DeepClone(),
    };
}
