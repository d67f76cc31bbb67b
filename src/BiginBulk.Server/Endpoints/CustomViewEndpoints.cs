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
using BiginBulk.Storage.Catalog;
using BiginBulk.Storage.Views;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// Custom views: Zoho's metadata route lists a module's views (their ids are the <c>cvid</c> of a bulk
/// read); our own routes let an administrator define, edit and delete a view with criteria, which Zoho does
/// only in its UI. Creation and edits share <see cref="CustomViewRules"/>; the system "All …" views are fixed.
/// </summary>
internal static class CustomViewEndpoints
{
    public static void MapCustomViewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bigin/v2/settings/custom_views", ListAsync).RequireZohoAuth();
        app.MapPost("/biginbulk/v1/settings/custom_views", CreateAsync).RequireZohoAuth();
        app.MapPut("/biginbulk/v1/settings/custom_views/{id}", (HttpContext http, AuthContext auth, string id, IOrgStoreProvider stores, JsonBodyReader json, IOptions<BiginBulkOptions> options) =>
            UpdateAsync(http, auth, id, replace: true, stores, json, options)).RequireZohoAuth();
        app.MapPatch("/biginbulk/v1/settings/custom_views/{id}", (HttpContext http, AuthContext auth, string id, IOrgStoreProvider stores, JsonBodyReader json, IOptions<BiginBulkOptions> options) =>
            UpdateAsync(http, auth, id, replace: false, stores, json, options)).RequireZohoAuth();
        app.MapDelete("/biginbulk/v1/settings/custom_views/{id}", DeleteAsync).RequireZohoAuth();
    }

    private static async Task<IResult> ListAsync(HttpContext http, AuthContext auth, IOrgStoreProvider stores)
    {
        if (!auth.HasAnyScope(Scopes.CustomViews("READ")))
        {
            return ZohoErrors.ScopeMismatch(Scopes.CustomViews("READ")[0]).ToResult();
        }

        ICatalogStore store = stores.For(auth.OrgId);
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
        if (!auth.HasAnyScope(Scopes.CustomViews("CREATE")))
        {
            return ZohoErrors.ScopeMismatch(Scopes.CustomViews("CREATE")[0]).ToResult();
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
        CustomViewRules.Validate(criteria, module, catalog.Find, options.Value.Limits.MaxCriteria);

        var view = new CustomView(ids.Next(), module.ApiName, name, null, criteria?.DeepClone(), false, time.GetUtcNow());
        await stores.For(auth.OrgId).CreateCustomViewAsync(view, http.RequestAborted);
        return new ZohoJsonResult(201, new JsonObject { ["custom_views"] = new JsonArray(Render(view)) });
    }

    /// <summary>PUT replaces the name and criteria (no criteria: every record); PATCH changes the keys it names,
    /// and <c>"criteria": null</c> clears them.</summary>
    private static async Task<IResult> UpdateAsync(HttpContext http, AuthContext auth, string id, bool replace, IOrgStoreProvider stores, JsonBodyReader json, IOptions<BiginBulkOptions> options)
    {
        if (Refuse(auth, "UPDATE", "update custom views") is { } refusal)
        {
            return refusal;
        }

        ICatalogStore store = stores.For(auth.OrgId);
        var view = await FindChangeableAsync(store, id, http.RequestAborted);
        if (await json.ReadAsync(http.Request) is not JsonObject body)
        {
            throw JsonReading.WrongType("$", "a JSON object");
        }

        var name = replace ? body.RequiredString("name", "$") : body.OptionalString("name", "$") ?? view.Name;
        var criteria = replace || HasKey(body, "criteria") ? body.Get("criteria", out _) : view.Criteria;
        var catalog = await store.GetCatalogAsync(http.RequestAborted);
        var module = catalog.Find(view.Module) ?? throw new ZohoErrorException(ZohoErrors.ResourceNotFound());
        CustomViewRules.Validate(criteria, module, catalog.Find, options.Value.Limits.MaxCriteria);

        var changed = view with { Name = name, Criteria = criteria?.DeepClone() };
        if (!await store.UpdateCustomViewAsync(changed, http.RequestAborted))
        {
            return ZohoErrors.ResourceNotFound().ToResult();
        }

        return new ZohoJsonResult(200, new JsonObject { ["custom_views"] = new JsonArray(Render(changed)) });
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, AuthContext auth, string id, IOrgStoreProvider stores)
    {
        if (Refuse(auth, "DELETE", "delete custom views") is { } refusal)
        {
            return refusal;
        }

        ICatalogStore store = stores.For(auth.OrgId);
        var view = await FindChangeableAsync(store, id, http.RequestAborted);
        if (!await store.DeleteCustomViewAsync(view.Id, http.RequestAborted))
        {
            return ZohoErrors.ResourceNotFound().ToResult();
        }

        // Zoho's delete answers: one success entry per deleted item.
        return new ZohoJsonResult(200, new JsonObject
        {
            ["custom_views"] = new JsonArray(new JsonObject
            {
                ["code"] = "SUCCESS",
                ["details"] = new JsonObject { ["id"] = ZohoIds.Format(view.Id) },
                ["message"] = "custom view deleted",
                ["status"] = "success",
            }),
        });
    }

    private static IResult? Refuse(AuthContext auth, string operation, string action)
    {
        var scopes = Scopes.CustomViews(operation);
        if (!auth.HasAnyScope(scopes))
        {
            return ZohoErrors.ScopeMismatch(scopes[0]).ToResult();
        }

        return Profiles.MayChangeSettings(auth.Profile) ? null : ZohoErrors.NoPermission(action).ToResult();
    }

    /// <summary>The org's view with this id, unless it is a system view; another org's id is not found.</summary>
    private static async Task<CustomView> FindChangeableAsync(ICatalogStore store, string id, CancellationToken cancellationToken)
    {
        var view = ZohoIds.TryParse(id, out var viewId) ? await store.GetCustomViewAsync(viewId, cancellationToken) : null;
        if (view is null)
        {
            throw new ZohoErrorException(ZohoErrors.ResourceNotFound());
        }

        return view.SystemDefined
            ? throw new ZohoErrorException(new ZohoError(400, "NOT_ALLOWED", $"{view.Name} is a system view; it cannot be changed or deleted.",
                new JsonObject { ["id"] = ZohoIds.Format(view.Id) }))
            : view;
    }

    private static bool HasKey(JsonObject body, string key) => body.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

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
