using System.CommandLine;
using System.Text.Json.Nodes;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Json;
using BiginBulk.Storage;
using BiginBulk.Storage.Catalog;

namespace BiginBulk.Server.Admin;

/// <summary><c>admin field create|delete|list</c>: an org's custom fields, real columns of its record tables.</summary>
internal static class FieldCommands
{
    public static Command Create(IServiceProvider services)
    {
        var org = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var module = new Option<string>("--module") { Description = "The module, e.g. Contacts.", Required = true };
        var apiName = new Option<string>("--api-name") { Description = "The field's API name, e.g. Lead_Score.", Required = true };
        var type = new Option<string>("--type") { Description = $"One of: {string.Join(", ", CustomFieldRules.AllowedTypes.Select(t => t.ToZohoName()))}.", Required = true };
        var label = new Option<string?>("--label") { Description = "The field's label." };
        var length = new Option<int?>("--length") { Description = "Maximum length (text) or digits (numbers)." };
        var decimals = new Option<int?>("--decimal-places") { Description = "Digits after the point (decimal, currency, percent)." };
        var values = new Option<string?>("--values") { Description = "Comma-separated picklist values." };
        var lookup = new Option<string?>("--lookup-module") { Description = "The module a lookup field points at." };
        var unique = new Option<bool>("--unique") { Description = "No two records may share a value." };
        var mandatory = new Option<bool>("--mandatory") { Description = "A value is required when a record is created." };
        var create = new Command("create", "Add a custom field to a module.") { org, module, apiName, type, label, length, decimals, values, lookup, unique, mandatory };
        create.SetAction(async (result, cancellationToken) =>
        {
            if (await OpenAsync(services, result.GetValue(org)!, result.GetValue(module)!, cancellationToken) is not ({ } store, { } catalog, { } definition))
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No org '{result.GetValue(org)}' with a module '{result.GetValue(module)}'.");
            }

            if (CustomFieldRules.ParseType(result.GetValue(type)!) is not { } fieldType)
            {
                return AdminOutput.Fail(AdminOutput.Invalid, $"'{result.GetValue(type)}' cannot be added; use one of {string.Join(", ", CustomFieldRules.AllowedTypes.Select(t => t.ToZohoName()))}.");
            }

            var picklist = result.GetValue(values)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!CustomFieldRules.Validate(definition, catalog, result.GetValue(apiName)!, result.GetValue(label), fieldType, result.GetValue(length),
                    result.GetValue(decimals), picklist, result.GetValue(lookup), result.GetValue(unique), result.GetValue(mandatory), out var field, out var problem))
            {
                return AdminOutput.Fail(AdminOutput.Invalid, problem!);
            }

            await store.AddCustomFieldAsync(new CustomField(definition.ApiName, field!), cancellationToken);
            var updated = (await store.GetCatalogAsync(cancellationToken)).Find(definition.ApiName)!;
            return AdminOutput.Write(MetadataJson.Field(updated, updated.FindField(field!.ApiName)!, catalog.Find));
        });

        var deleteOrg = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var deleteModule = new Option<string>("--module") { Description = "The module.", Required = true };
        var deleteName = new Option<string>("--api-name") { Description = "The custom field's API name.", Required = true };
        var delete = new Command("delete", "Remove a custom field; every other field of every record is kept.") { deleteOrg, deleteModule, deleteName };
        delete.SetAction(async (result, cancellationToken) =>
        {
            if (await OpenAsync(services, result.GetValue(deleteOrg)!, result.GetValue(deleteModule)!, cancellationToken) is not ({ } store, _, { } definition)
                || definition.FindField(result.GetValue(deleteName)!) is not { CustomField: true } field)
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No custom field '{result.GetValue(deleteName)}' in that org and module.");
            }

            await store.RemoveCustomFieldAsync(definition.ApiName, field.ApiName, cancellationToken);
            return AdminOutput.Write(new JsonObject { ["deleted"] = field.ApiName, ["module"] = definition.ApiName });
        });

        var listOrg = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var listModule = new Option<string>("--module") { Description = "The module.", Required = true };
        var list = new Command("list", "List a module's custom fields.") { listOrg, listModule };
        list.SetAction(async (result, cancellationToken) =>
        {
            if (await OpenAsync(services, result.GetValue(listOrg)!, result.GetValue(listModule)!, cancellationToken) is not (_, { } catalog, { } definition))
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No org '{result.GetValue(listOrg)}' with a module '{result.GetValue(listModule)}'.");
            }

            return AdminOutput.Write(new JsonArray([.. definition.Fields.Where(f => f.CustomField).Select(f => (JsonNode)MetadataJson.Field(definition, f, catalog.Find))]));
        });

        return new Command("field", "Custom fields of a module.") { create, delete, list };
    }

    private static async Task<(ICatalogStore? Store, ModuleCatalog? Catalog, ModuleDefinition? Module)> OpenAsync(
        IServiceProvider services, string orgText, string moduleName, CancellationToken cancellationToken)
    {
        if (!AdminValidation.TryParseId(orgText, out var orgId)
            || await services.GetRequiredService<BiginBulk.Storage.Auth.IOrgDirectory>().GetOrgAsync(orgId, cancellationToken) is null)
        {
            return (null, null, null);
        }

        ICatalogStore store = services.GetRequiredService<IOrgStoreProvider>().For(orgId);
        var catalog = await store.GetCatalogAsync(cancellationToken);
        return (store, catalog, catalog.Find(moduleName));
    }
}
