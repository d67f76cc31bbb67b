using System.CommandLine;
using System.Text.Json.Nodes;
using BiginBulk.Core.Ids;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Json;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Admin;

/// <summary><c>admin org create|list</c>. An org is created with its first administrator.</summary>
internal static class OrgCommands
{
    public static Command Create(IServiceProvider services)
    {
        var name = new Option<string>("--name") { Description = "The org's name.", Required = true };
        var email = new Option<string>("--admin-email") { Description = "Email of the org's first administrator.", Required = true };
        var firstName = new Option<string?>("--admin-first-name") { Description = "First name of the administrator." };
        var lastName = new Option<string>("--admin-last-name") { Description = "Last name of the administrator.", DefaultValueFactory = _ => "Administrator" };
        var create = new Command("create", "Create an org and its first administrator.") { name, email, firstName, lastName };
        create.SetAction(async (result, cancellationToken) =>
        {
            var store = services.GetRequiredService<IOrgDirectory>();
            var ids = services.GetRequiredService<IdGenerator>();
            var time = services.GetRequiredService<TimeProvider>();
            if (!AdminValidation.IsEmail(result.GetValue(email)!))
            {
                return AdminOutput.Fail(AdminOutput.Invalid, $"'{result.GetValue(email)}' is not an email address.");
            }

            var org = new Org(ids.Next(), result.GetValue(name)!, time.GetUtcNow());
            await store.CreateOrgAsync(org, cancellationToken);
            var admin = new User(ids.Next(), org.Id, result.GetValue(email)!, result.GetValue(firstName), result.GetValue(lastName)!, Profiles.Administrator);
            await store.CreateUserAsync(admin, cancellationToken);
            return AdminOutput.Write(new JsonObject
            {
                ["org"] = OrgJson(org),
                ["administrator"] = UserCommands.UserJson(admin),
            });
        });

        var list = new Command("list", "List the orgs.");
        list.SetAction(async (_, cancellationToken) =>
        {
            var orgs = await services.GetRequiredService<IOrgDirectory>().ListOrgsAsync(cancellationToken);
            return AdminOutput.Write(new JsonArray([.. orgs.Select(o => (JsonNode)OrgJson(o))]));
        });

        return new Command("org", "Orgs (tenants): each has its own users, clients, files, jobs and records.") { create, list };
    }

    private static JsonObject OrgJson(Org org) => new()
    {
        ["id"] = ZohoIds.Format(org.Id),
        ["name"] = org.Name,
        ["created_time"] = ZohoTime.Format(org.CreatedTime),
    };
}
