using System.CommandLine;
using System.Text.Json.Nodes;
using BiginBulk.Server.Auth;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Admin;

/// <summary>
/// <c>admin grant create</c>: Zoho console's "self client" flow. Mints a grant code for chosen scopes, which
/// the client exchanges at <c>POST /oauth/v2/token</c> with <c>grant_type=authorization_code</c>.
/// </summary>
internal static class GrantCommands
{
    public static Command Create(IServiceProvider services)
    {
        var client = new Option<string>("--client") { Description = "The client id.", Required = true };
        var user = new Option<string?>("--user") { Description = "The user the tokens act as (default: the client's user)." };
        var scopes = new Option<string>("--scopes") { Description = "Comma-separated scopes, e.g. ZohoBigin.bulk.ALL,ZohoBigin.modules.ALL,ZohoFiles.files.ALL", Required = true };
        var minutes = new Option<int>("--minutes") { Description = "How long the code is valid (1-10 minutes).", DefaultValueFactory = _ => 10 };
        var create = new Command("create", "Mint a self-client grant code.") { client, user, scopes, minutes };
        create.SetAction(async (result, cancellationToken) =>
        {
            var resolved = await TokenCommandSupport.ResolveAsync(services, result.GetValue(client)!, result.GetValue(user), result.GetValue(scopes)!, cancellationToken);
            if (resolved.Error is { } error)
            {
                return error;
            }

            var lifetime = result.GetValue(minutes);
            if (lifetime is < 1 or > 10)
            {
                return AdminOutput.Fail(AdminOutput.Invalid, "--minutes must be from 1 to 10.");
            }

            var code = await services.GetRequiredService<TokenService>().MintAsync(
                TokenKind.GrantCode, resolved.Client!.ClientId, resolved.Client.OrgId, resolved.User!.Id, resolved.Scopes!, lifetime: TimeSpan.FromMinutes(lifetime), cancellationToken: cancellationToken);
            return AdminOutput.Write(new JsonObject
            {
                ["code"] = code,
                ["expires_in"] = lifetime * 60,
                ["scope"] = string.Join(',', resolved.Scopes!),
            });
        });

        return new Command("grant", "Self-client grant codes.") { create };
    }
}
