using System.CommandLine;
using System.Text.Json.Nodes;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Json;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Admin;

/// <summary><c>admin client create|list</c>: OAuth clients, whose secret is shown once and stored hashed.</summary>
internal static class ClientCommands
{
    public static Command Create(IServiceProvider services)
    {
        var org = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var name = new Option<string>("--name") { Description = "A name for the client.", Required = true };
        var owner = new Option<string?>("--user") { Description = "The user client_credentials tokens act as (default: the org's first administrator)." };
        var create = new Command("create", "Register an OAuth client (a self client).") { org, name, owner };
        create.SetAction(async (result, cancellationToken) =>
        {
            var store = services.GetRequiredService<ISystemStore>();
            if (!AdminValidation.TryParseId(result.GetValue(org), out var orgId) || await store.GetOrgAsync(orgId, cancellationToken) is null)
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No org has id '{result.GetValue(org)}'.");
            }

            var users = await store.ListUsersAsync(orgId, cancellationToken);
            var user = result.GetValue(owner) is { } ownerText
                ? users.FirstOrDefault(u => AdminValidation.TryParseId(ownerText, out var id) && u.Id == id)
                : users.FirstOrDefault(u => u.Profile == Profiles.Administrator);
            if (user is null)
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"The org has no user '{result.GetValue(owner)}'.");
            }

            var clientId = TokenHasher.NewClientId();
            var secret = TokenHasher.NewSecret();
            await store.CreateClientAsync(new OAuthClient(clientId, TokenHasher.Hash(secret), orgId, result.GetValue(name)!, user.Id), cancellationToken);
            return AdminOutput.Write(new JsonObject
            {
                ["client_id"] = clientId,
                ["client_secret"] = secret,
                ["org_id"] = ZohoIds.Format(orgId),
                ["name"] = result.GetValue(name),
                ["user_id"] = ZohoIds.Format(user.Id),
            });
        });

        var listOrg = new Option<string>("--org") { Description = "The org's id.", Required = true };
        var list = new Command("list", "List an org's OAuth clients (without secrets).") { listOrg };
        list.SetAction(async (result, cancellationToken) =>
        {
            if (!AdminValidation.TryParseId(result.GetValue(listOrg), out var orgId))
            {
                return AdminOutput.Fail(AdminOutput.NotFound, $"No org has id '{result.GetValue(listOrg)}'.");
            }

            var clients = await services.GetRequiredService<ISystemStore>().ListClientsAsync(orgId, cancellationToken);
            return AdminOutput.Write(new JsonArray([.. clients.Select(c => (JsonNode)new JsonObject
            {
                ["client_id"] = c.ClientId,
                ["org_id"] = ZohoIds.Format(c.OrgId),
                ["name"] = c.Name,
                ["user_id"] = c.UserId is { } id ? ZohoIds.Format(id) : null,
            })]));
        });

        return new Command("client", "OAuth clients of an org.") { create, list };
    }
}
