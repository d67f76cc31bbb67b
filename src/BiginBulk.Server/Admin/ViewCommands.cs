using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Ids;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Json;
using BiginBulk.Server.Options;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Catalog;
using BiginBulk.Storage.Views;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Admin;

/// <summary><c>admin view create|list|update|delete</c>: custom views (a name and bulk read criteria) whose id is a <c>cvid</c>.</summary>
internal static class ViewCommands
{
    public static Command Create(IServiceProvider services)
    {
        var org = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var module = new Option<string>("--module") { Description = "The module, e.g. Contacts.", Required = true };
        var name = new Option<string>("--name") { Description = "The view's name.", Required = true };
        var criteria = new Option<string?>("--criteria") { Description = "Bulk read criteria as JSON, e.g. {\"api_name\":\"Email\",\"comparator\":\"ends_with\",\"value\":\"@acme.test\"}." };
        var create = new Command("create", "Define a custom view.") { org, module, name, criteria };
        create.SetAction(async (result, cancellationToken) =>
        {
            var (store, error) = await OpenAsync(services, result.GetValue(org)!, cancellationToken);
            if (store is null)
            {
                return error;
            }

            var catalog = await store.GetCatalogAsync(cancellationToken);
            if (catalog.Find(result.GetValue(module)!) is not { } definition)
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No module '{result.GetValue(module)}'.");
            }

            JsonNode? tree = null;
            if (result.GetValue(criteria) is { } text && !TryParseCriteria(services, text, definition, catalog, out tree, out error))
            {
                return error;
            }

            var view = new CustomView(services.GetRequiredService<IdGenerator>().Next(), definition.ApiName, result.GetValue(name)!, null, tree,
                false, services.GetRequiredService<TimeProvider>().GetUtcNow());
            await store.CreateCustomViewAsync(view, cancellationToken);
            return AdminOutput.Write(ViewJson(view));
        });

        var listOrg = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var listModule = new Option<string>("--module") { Description = "The module.", Required = true };
        var list = new Command("list", "List a module's custom views.") { listOrg, listModule };
        list.SetAction(async (result, cancellationToken) =>
        {
            var (store, error) = await OpenAsync(services, result.GetValue(listOrg)!, cancellationToken);
            if (store is null)
            {
                return error;
            }

            var definition = (await store.GetCatalogAsync(cancellationToken)).Find(result.GetValue(listModule)!);
            if (definition is null)
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No module '{result.GetValue(listModule)}'.");
            }

            var views = await store.ListCustomViewsAsync(definition.ApiName, cancellationToken);
            return AdminOutput.Write(new JsonArray([.. views.Select(v => (JsonNode)ViewJson(v))]));
        });

        return new Command("view", "Custom views of a module (their ids are bulk read cvids).") { create, list, Update(services), Delete(services) };
    }

    private static Command Update(IServiceProvider services)
    {
        var org = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var id = new Option<string>("--id") { Description = "The view's id.", Required = true };
        var name = new Option<string?>("--name") { Description = "A new name (default: unchanged)." };
        var criteria = new Option<string?>("--criteria") { Description = "New bulk read criteria as JSON; null clears them (default: unchanged)." };
        var update = new Command("update", "Change a custom view's name or criteria (system views cannot be changed).") { org, id, name, criteria };
        update.SetAction(async (result, cancellationToken) =>
        {
            var (store, view, error) = await FindChangeableAsync(services, result.GetValue(org)!, result.GetValue(id)!, cancellationToken);
            if (store is null || view is null)
            {
                return error;
            }

            var catalog = await store.GetCatalogAsync(cancellationToken);
            var tree = view.Criteria;
            if (result.GetValue(criteria) is { } text)
            {
                if (catalog.Find(view.Module) is not { } definition)
                {
                    return AdminOutput.Fail(AdminOutput.NotFound, $"No module '{view.Module}'.");
                }

                if (!TryParseCriteria(services, text, definition, catalog, out tree, out error))
                {
                    return error;
                }
            }

            var changed = view with { Name = result.GetValue(name) ?? view.Name, Criteria = tree };
            return await store.UpdateCustomViewAsync(changed, cancellationToken)
                ? AdminOutput.Write(ViewJson(changed))
                : AdminOutput.Fail(AdminOutput.NotFound, $"No custom view has id '{result.GetValue(id)}'.");
        });
        return update;
    }

    private static Command Delete(IServiceProvider services)
    {
        var org = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var id = new Option<string>("--id") { Description = "The view's id.", Required = true };
        var delete = new Command("delete", "Delete a custom view (system views cannot be deleted).") { org, id };
        delete.SetAction(async (result, cancellationToken) =>
        {
            var (store, view, error) = await FindChangeableAsync(services, result.GetValue(org)!, result.GetValue(id)!, cancellationToken);
            if (store is null || view is null)
            {
                return error;
            }

            return await store.DeleteCustomViewAsync(view.Id, cancellationToken)
                ? AdminOutput.Write(new JsonObject { ["deleted"] = ZohoIds.Format(view.Id) })
                : AdminOutput.Fail(AdminOutput.NotFound, $"No custom view has id '{result.GetValue(id)}'.");
        });
        return delete;
    }

    /// <summary>Parses and validates <c>--criteria</c> with the rules the HTTP routes apply (<see cref="CustomViewRules"/>).</summary>
    private static bool TryParseCriteria(IServiceProvider services, string text, ModuleDefinition module, ModuleCatalog catalog, out JsonNode? tree, out int error)
    {
        error = AdminOutput.Success;
        try
        {
            tree = JsonNode.Parse(text);
            CustomViewRules.Validate(tree, module, catalog.Find, services.GetRequiredService<IOptions<BiginBulkOptions>>().Value.Limits.MaxCriteria);
            return true;
        }
        catch (JsonException ex)
        {
            tree = null;
            error = AdminOutput.Fail(AdminOutput.Invalid, $"--criteria is not JSON: {ex.Message}");
            return false;
        }
        catch (ZohoErrorException ex)
        {
            tree = null;
            error = AdminOutput.Fail(AdminOutput.Invalid, $"--criteria is refused: {ex.Error.Code} {ex.Error.Message} {ex.Error.Details.ToJsonString()}");
            return false;
        }
    }

    private static async Task<(ICatalogStore? Store, CustomView? View, int Error)> FindChangeableAsync(IServiceProvider services, string orgText, string idText, CancellationToken cancellationToken)
    {
        var (store, error) = await OpenAsync(services, orgText, cancellationToken);
        if (store is null)
        {
            return (null, null, error);
        }

        var view = ZohoIds.TryParse(idText, out var id) ? await store.GetCustomViewAsync(id, cancellationToken) : null;
        if (view is null)
        {
            return (null, null, AdminOutput.Fail(AdminOutput.NotFound, $"No custom view has id '{idText}'."));
        }

        return view.SystemDefined
            ? (null, null, AdminOutput.Fail(AdminOutput.Invalid, $"{view.Name} is a system view; it cannot be changed or deleted."))
            : (store, view, AdminOutput.Success);
    }

    private static async Task<(ICatalogStore? Store, int Error)> OpenAsync(IServiceProvider services, string orgText, CancellationToken cancellationToken)
    {
        if (!AdminValidation.TryParseId(orgText, out var orgId) || await services.GetRequiredService<IOrgDirectory>().GetOrgAsync(orgId, cancellationToken) is null)
        {
            return (null, AdminOutput.Fail(AdminOutput.NotFound, $"No org has id '{orgText}'."));
        }

        return (services.GetRequiredService<IOrgStoreProvider>().For(orgId), AdminOutput.Success);
    }

    private static JsonObject ViewJson(CustomView view) => new()
    {
        ["id"] = ZohoIds.Format(view.Id),
        ["module"] = view.Module,
        ["name"] = view.Name,
        ["system_defined"] = view.SystemDefined,
        ["criteria"] = view.Criteria?.DeepClone(),
    };
}
