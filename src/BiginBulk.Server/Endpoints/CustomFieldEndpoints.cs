using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Json;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Storage;
using BiginBulk.Storage.Catalog;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// Ours (Zoho adds fields only in its UI): an administrator adds a custom field to a module, as a real column
/// usable at once in bulk write, bulk read and criteria, or removes one without touching other data.
/// <c>POST /biginbulk/v1/settings/fields?module=</c> takes the keys the fields API returns
/// (<c>api_name</c>, <c>field_label</c>, <c>data_type</c>, <c>length</c>, <c>decimal_place</c>,
/// <c>pick_list_values</c>, <c>lookup.module</c>, <c>unique</c>, <c>system_mandatory</c>).
/// </summary>
internal static class CustomFieldEndpoints
{
    public static void MapCustomFieldEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/biginbulk/v1/settings/fields", CreateAsync).RequireZohoAuth();
        app.MapDelete("/biginbulk/v1/settings/fields/{apiName}", DeleteAsync).RequireZohoAuth();
    }

    private static async Task<IResult> CreateAsync(HttpContext http, AuthContext auth, IOrgStoreProvider stores, JsonBodyReader json)
    {
        if (RefuseSettingsChange(auth) is { } refusal)
        {
            return refusal;
        }

        ICatalogStore store = stores.For(auth.OrgId);
        var catalog = await store.GetCatalogAsync(http.RequestAborted);
        var module = RequireModule(catalog, http.Request.Query["module"].ToString());
        if (await json.ReadAsync(http.Request) is not JsonObject body)
        {
            throw JsonReading.WrongType("$", "a JSON object");
        }

        var apiName = body.RequiredString("api_name", "$");
        var custom = module.Fields.Count(f => f.CustomField);
        if (custom >= CustomFieldRules.MaxCustomFieldsPerModule)
        {
            // Well below both stores' column ceilings, so the refusal is the same everywhere and never a 500.
            throw new ZohoErrorException(new ZohoError(400, "LIMIT_EXCEEDED",
                $"{module.ApiName} already has {custom} custom fields; at most {CustomFieldRules.MaxCustomFieldsPerModule} are allowed.",
                new JsonObject { ["max_limit"] = CustomFieldRules.MaxCustomFieldsPerModule, ["json_path"] = "$.api_name" }));
        }
        var typeName = body.RequiredString("data_type", "$");
        var type = CustomFieldRules.ParseType(typeName)
            ?? throw Invalid($"data_type '{typeName}' cannot be added; use one of {string.Join(", ", CustomFieldRules.AllowedTypes.Select(t => t.ToZohoName()))}.", "$.data_type");
        var values = body.OptionalArray("pick_list_values", "$")?.Select(v => v switch
        {
            JsonObject o => o.OptionalString("actual_value", "$.pick_list_values[]") ?? o.OptionalString("display_value", "$.pick_list_values[]") ?? "",
            JsonValue s when s.TryGetValue<string>(out var text) => text,
            _ => throw JsonReading.WrongType("$.pick_list_values[]", "a string or {\"actual_value\": …}"),
        }).ToList();
        var lookup = body.OptionalObject("lookup", "$")?.Get("module", out _) switch
        {
            JsonObject o => o.OptionalString("api_name", "$.lookup.module"),
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            _ => null,
        };

        if (!CustomFieldRules.Validate(
                module, catalog, apiName, body.OptionalString("field_label", "$"), type, body.OptionalInt("length", "$"),
                body.OptionalInt("decimal_place", "$"), values, lookup, body.OptionalBool("unique", "$") ?? false,
                body.OptionalBool("system_mandatory", "$") ?? false, out var field, out var problem))
        {
            throw Invalid(problem!, "$.api_name");
        }

        await store.AddCustomFieldAsync(new CustomField(module.ApiName, field!), http.RequestAborted);
        var updated = (await store.GetCatalogAsync(http.RequestAborted)).Find(module.ApiName)!;
        return new ZohoJsonResult(201, new JsonObject
        {
            ["fields"] = new JsonArray(MetadataJson.Field(updated, updated.FindField(field!.ApiName)!, catalog.Find)),
        });
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, AuthContext auth, string apiName, IOrgStoreProvider stores)
    {
        if (RefuseSettingsChange(auth) is { } refusal)
        {
            return refusal;
        }

        ICatalogStore store = stores.For(auth.OrgId);
        var module = RequireModule(await store.GetCatalogAsync(http.RequestAborted), http.Request.Query["module"].ToString());
        var field = module.FindField(apiName);
        if (field is null || !field.CustomField)
        {
            return ZohoErrors.ResourceNotFound().ToResult();
        }

        await store.RemoveCustomFieldAsync(module.ApiName, field.ApiName, http.RequestAborted);
        return Results.NoContent();
    }

    private static IResult? RefuseSettingsChange(AuthContext auth)
    {
        if (!auth.HasAnyScope(Scopes.SettingsFieldsChange))
        {
            return ZohoErrors.ScopeMismatch(Scopes.FieldsAll).ToResult();
        }

        return Profiles.MayChangeSettings(auth.Profile) ? null : ZohoErrors.NoPermission("change fields").ToResult();
    }

    private static ModuleDefinition RequireModule(ModuleCatalog catalog, string name) =>
        catalog.Find(name)
        ?? throw new ZohoErrorException(new ZohoError(400, "INVALID_MODULE", "the module name given seems to be invalid", new JsonObject { ["module"] = name }));

    private static ZohoErrorException Invalid(string message, string jsonPath) =>
        new(new ZohoError(400, "INVALID_DATA", message, new JsonObject { ["json_path"] = jsonPath }));
}
