using System.CommandLine;
using System.Text.Json.Nodes;
using BiginBulk.Server.Auth;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Admin;

/// <summary>
/// <c>admin token create</c>: a refresh token and an access token at once, for scripts and tests that do
/// not need to act out the grant-code exchange.
/// </summary>
internal static class TokenCommands
{
    public static Command Create(IServiceProvider services)
    {
        var client = new Option<string>("--client") { Description = "The client id.", Required = true };
        var user = new Option<string?>("--user") { Description = "The user the tokens act as (default: the client's user)." };
        var scopes = new Option<string>("--scopes") { Description = "Comma-separated scopes.", Required = true };
        var create = new Command("create", "Mint a refresh token and an access token.") { client, user, scopes };
        create.SetAction(async (result, cancellationToken) =>
        {
            var resolved = await TokenCommandSupport.ResolveAsync(services, result.GetValue(client)!, result.GetValue(user), result.GetValue(scopes)!, cancellationToken);
            if (resolved.Error is { } error)
            {
                return error;
            }

            var tokens = services.GetRequiredService<TokenService>();
            var (c, u, s) = (resolved.Client!, resolved.User!, resolved.Scopes!);
            var refresh = await tokens.MintAsync(TokenKind.Refresh, c.ClientId, c.OrgId, u.Id, s, cancellationToken: cancellationToken);
            var parent = await tokens.FindLiveAsync(refresh, TokenKind.Refresh, cancellationToken);
            var access = await tokens.MintAsync(TokenKind.Access, c.ClientId, c.OrgId, u.Id, s, parent, cancellationToken: cancellationToken);
            return AdminOutput.Write(new JsonObject
            {
                ["refresh_token"] = refresh,
                ["access_token"] = access,
                ["expires_in"] = (int)TokenService.AccessTokenLifetime.TotalSeconds,
                ["scope"] = string.Join(',', s),
            });
        });

        return new Command("token", "Tokens for a client and user.") { create };
    }
}
