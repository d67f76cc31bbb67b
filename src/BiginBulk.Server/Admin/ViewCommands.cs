using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Ids;
using BiginBulk.Server.Json;
using BiginBulk.Server.Options;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Views;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Admin;

/// <summary><c>admin view create|list</c>: custom views (a name and bulk read criteria) whose id is a <c>cvid</c>.</summary>
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
            if (result.GetValue(criteria) is { } text)
            {
                try
                {
                    tree = JsonNode.Parse(text);
                    CriteriaParser.Parse(tree!, definition, catalog.Find, services.GetRequiredService<IOptions<BiginBulkOptions>>().Value.Limits.MaxCriteria, "$.criteria");
                }
                catch (JsonException ex)
                {
                    return AdminOutput.Fail(AdminOutput.Invalid, $"--criteria is not JSON: {ex.Message}");
                }
                catch (ZohoErrorException ex)
                {
                    return AdminOutput.Fail(AdminOutput.Invalid, $"--criteria is refused: {ex.Error.Code} {ex.Error.Message} {ex.Error.Details.ToJsonString()}");
                }
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

        return new Command("view", "Custom views of a module (their ids are bulk read cvids).") { create, list };
    }

    private static async Task<(IOrgStore? Store, int Error)> OpenAsync(IServiceProvider services, string orgText, CancellationToken cancellationToken)
    {
        if (!AdminValidation.TryParseId(orgText, out var orgId) || await services.GetRequiredService<ISystemStore>().GetOrgAsync(orgId, cancellationToken) is null)
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
