using System.CommandLine;
using System.Text.Json.Nodes;
using BiginBulk.Core.Ids;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Json;
using BiginBulk.Server.Users;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Admin;

/// <summary><c>admin user create|list|update|deactivate</c>.</summary>
internal static class UserCommands
{
    public static Command Create(IServiceProvider services)
    {
        var org = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var email = new Option<string>("--email") { Description = "The user's email (unique in the org).", Required = true };
        var firstName = new Option<string?>("--first-name") { Description = "First name." };
        var lastName = new Option<string>("--last-name") { Description = "Last name.", Required = true };
        var profile = new Option<string>("--profile") { Description = "Administrator, Standard or \"Read Only\".", DefaultValueFactory = _ => Profiles.Standard };
        var role = new Option<string>("--role") { Description = "CEO or Manager.", DefaultValueFactory = _ => UserRoles.Manager };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA time zone, e.g. Europe/Berlin.", DefaultValueFactory = _ => "UTC" };
        var locale = new Option<string>("--locale") { Description = "Locale, e.g. en_US.", DefaultValueFactory = _ => "en_US" };
        var create = new Command("create", "Create a user in an org.") { org, email, firstName, lastName, profile, role, timeZone, locale };
        create.SetAction(async (result, cancellationToken) =>
        {
            var store = services.GetRequiredService<IOrgDirectory>();
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

            var user = new User(services.GetRequiredService<IdGenerator>().Next(), orgId, address, result.GetValue(firstName), result.GetValue(lastName)!, profileName,
                UserRoles.Manager, UserStatuses.Active, result.GetValue(timeZone)!, result.GetValue(locale)!);
            if (Check(user, result.GetValue(role)!) is { } problem)
            {
                return AdminOutput.Fail(AdminOutput.Invalid, problem.Message);
            }

            user = user with { Role = UserRoles.Find(result.GetValue(role)!)! };
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

            var users = await services.GetRequiredService<IOrgDirectory>().ListUsersAsync(orgId, cancellationToken);
            return AdminOutput.Write(new JsonArray([.. users.Select(u => (JsonNode)UserJson(u))]));
        });

        return new Command("user", "Users of an org (Administrator, Standard or Read Only profile).") { create, list, Update(services), Deactivate(services) };
    }

    private static Command Update(IServiceProvider services)
    {
        var id = new Option<string>("--id") { Description = "The user's id.", Required = true };
        var email = new Option<string?>("--email") { Description = "New email (unique in the org)." };
        var firstName = new Option<string?>("--first-name") { Description = "New first name." };
        var lastName = new Option<string?>("--last-name") { Description = "New last name." };
        var profile = new Option<string?>("--profile") { Description = "Administrator, Standard or \"Read Only\"." };
        var role = new Option<string?>("--role") { Description = "CEO or Manager." };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA time zone." };
        var locale = new Option<string?>("--locale") { Description = "Locale, e.g. en_US." };
        var status = new Option<string?>("--status") { Description = "active or disabled (disabled users' tokens stop working)." };
        var update = new Command("update", "Change a user; options left out keep their value.") { id, email, firstName, lastName, profile, role, timeZone, locale, status };
        update.SetAction(async (result, cancellationToken) =>
        {
            var store = services.GetRequiredService<IOrgDirectory>();
            if (!AdminValidation.TryParseId(result.GetValue(id), out var userId) || await store.GetUserAsync(userId, cancellationToken) is not { } current)
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No user has id '{result.GetValue(id)}'.");
            }

            var profileText = result.GetValue(profile);
            var statusText = result.GetValue(status);
            var user = current with
            {
                Email = result.GetValue(email) ?? current.Email,
                FirstName = result.GetValue(firstName) ?? current.FirstName,
                LastName = result.GetValue(lastName) ?? current.LastName,
                Profile = profileText is null ? current.Profile : Profiles.Find(profileText) ?? profileText,
                TimeZone = result.GetValue(timeZone) ?? current.TimeZone,
                Locale = result.GetValue(locale) ?? current.Locale,
                Status = statusText is null ? current.Status : UserRules.ParseStatus(statusText) ?? statusText,
            };
            var roleText = result.GetValue(role) ?? current.Role;
            if (Check(user, roleText) is { } problem)
            {
                return AdminOutput.Fail(AdminOutput.Invalid, problem.Message);
            }

            user = user with { Role = UserRoles.Find(roleText)! };
            return await SaveAsync(store, current, user, cancellationToken);
        });
        return update;
    }

    private static Command Deactivate(IServiceProvider services)
    {
        var id = new Option<string>("--id") { Description = "The user's id.", Required = true };
        var deactivate = new Command("deactivate", "Disable a user: their tokens stop working at once (update --status active undoes it).") { id };
        deactivate.SetAction(async (result, cancellationToken) =>
        {
            var store = services.GetRequiredService<IOrgDirectory>();
            if (!AdminValidation.TryParseId(result.GetValue(id), out var userId) || await store.GetUserAsync(userId, cancellationToken) is not { } current)
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No user has id '{result.GetValue(id)}'.");
            }

            return await SaveAsync(store, current, current with { Status = UserStatuses.Disabled }, cancellationToken);
        });
        return deactivate;
    }

    private static async Task<int> SaveAsync(IOrgDirectory store, User current, User user, CancellationToken cancellationToken)
    {
        if (!string.Equals(user.Email, current.Email, StringComparison.OrdinalIgnoreCase)
            && (await store.ListUsersAsync(user.OrgId, cancellationToken)).Any(u => string.Equals(u.Email, user.Email, StringComparison.OrdinalIgnoreCase)))
        {
            return AdminOutput.Fail(AdminOutput.Invalid, $"The org already has a user with email {user.Email}.");
        }

        await store.UpdateUserAsync(user, cancellationToken);
        return AdminOutput.Write(UserJson(user));
    }

    /// <summary>The same value rules as the users API (<see cref="UserRules"/>); null when the user is fine.</summary>
    private static ArgumentException? Check(User user, string role)
    {
        if (Profiles.Find(user.Profile) is null)
        {
            return new ArgumentException($"Unknown profile '{user.Profile}': use {string.Join(", ", Profiles.All)}.");
        }

        if (UserRoles.Find(role) is null)
        {
            return new ArgumentException($"Unknown role '{role}': use {string.Join(" or ", UserRoles.All)}.");
        }

        if (!AdminValidation.IsEmail(user.Email))
        {
            return new ArgumentException($"'{user.Email}' is not an email address.");
        }

        if (!UserRules.IsTimeZone(user.TimeZone))
        {
            return new ArgumentException($"'{user.TimeZone}' is not an IANA time zone.");
        }

        if (!UserRules.IsLocale(user.Locale))
        {
            return new ArgumentException($"'{user.Locale}' is not a locale of the form en_US.");
        }

        return user.Status is UserStatuses.Active or UserStatuses.Disabled ? null : new ArgumentException($"Status '{user.Status}' is not active or disabled.");
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
        ["role"] = user.Role,
        ["status"] = user.Status,
        ["time_zone"] = user.TimeZone,
        ["locale"] = user.Locale,
    };
}
