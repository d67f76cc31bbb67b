using System.CommandLine;
using System.Text.Json.Nodes;
using BiginBulk.Core.Ids;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Json;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Admin;

/// <summary><c>admin user create|list</c>.</summary>
internal static class UserCommands
{
    public static Command Create(IServiceProvider services)
    {
        var org = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var email = new Option<string>("--email") { Description = "The user's email (unique in the org).", Required = true };
        var firstName = new Option<string?>("--first-name") { Description = "First name." };
        var lastName = new Option<string>("--last-name") { Description = "Last name.", Required = true };
        var profile = new Option<string>("--profile") { Description = "Administrator or Standard.", DefaultValueFactory = _ => Profiles.Standard };
        var create = new Command("create", "Create a user in an org.") { org, email, firstName, lastName, profile };
        create.SetAction(async (result, cancellationToken) =>
        {
            var store = services.GetRequiredService<ISystemStore>();
            if (!AdminValidation.TryParseId(result.GetValue(org), out var orgId) || await store.GetOrgAsync(orgId, cancellationToken) is null)
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No org has id '{result.GetValue(org)}'.");
            }

            if (Profiles.Find(result.GetValue(profile)!) is not { } profileName)
            {
                return AdminOutput.Fail(AdminOutput.Invalid, $"Unknown profile '{result.GetValue(profile)}': use {string.Join(" or ", Profiles.All)}.");
            }

            var address = result.GetValue(email)!;
            if (!AdminValidation.IsEmail(address))
            {
                return AdminOutput.Fail(AdminOutput.Invalid, $"'{address}' is not an email address.");
            }

            if ((await store.ListUsersAsync(orgId, cancellationToken)).Any(u => string.Equals(u.Email, address, StringComparison.OrdinalIgnoreCase)))
            {
                return AdminOutput.Fail(AdminOutput.Invalid, $"The org already has a user with email {address}.");
            }

            var user = new User(services.GetRequiredService<IdGenerator>().Next(), orgId, address, result.GetValue(firstName), result.GetValue(lastName)!, profileName);
            await store.CreateUserAsync(user, cancellationToken);
            return AdminOutput.Write(UserJson(user));
        });

        var listOrg = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var list = new Command("list", "List an org's users.") { listOrg };
        list.SetAction(async (result, cancellationToken) =>
        {
            if (!AdminValidation.TryParseId(result.GetValue(listOrg), out var orgId))
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No org has id '{result.GetValue(listOrg)}'.");
            }

            var users = await services.GetRequiredService<ISystemStore>().ListUsersAsync(orgId, cancellationToken);
            return AdminOutput.Write(new JsonArray([.. users.Select(u => (JsonNode)UserJson(u))]));
        });

        return new Command("user", "Users of an org (Administrator or Standard profile).") { create, list };
    }

    public static JsonObject UserJson(User user) => new()
    {
        ["id"] = ZohoIds.Format(user.Id),
        ["org_id"] = ZohoIds.Format(user.OrgId),
        ["email"] = user.Email,
        ["first_name"] = user.FirstName,
        ["last_name"] = user.LastName,
        ["full_name"] = user.FullName,
        ["profile"] = user.Profile,
    };
}
