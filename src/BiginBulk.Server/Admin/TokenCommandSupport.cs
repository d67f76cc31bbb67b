using BiginBulk.Server.Auth;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Admin;

/// <summary>Resolves the client, user and scopes that grant and token commands share.</summary>
internal static class TokenCommandSupport
{
    public static async Task<(OAuthClient? Client, User? User, IReadOnlyList<string>? Scopes, int? Error)> ResolveAsync(
        IServiceProvider services, string clientId, string? userText, string scopesText, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ISystemStore>();
        var client = await store.GetClientAsync(clientId, cancellationToken);
        if (client is null)
        {
            return (null, null, null, AdminOutput.Fail(AdminOutput.NotFound, $"No client has id '{clientId}'."));
        }

        var users = await store.ListUsersAsync(client.OrgId, cancellationToken);
        var user = userText is null
            ? users.FirstOrDefault(u => u.Id == client.UserId)
            : users.FirstOrDefault(u => AdminValidation.TryParseId(userText, out var id) && u.Id == id);
        if (user is null)
        {
            return (null, null, null, AdminOutput.Fail(AdminOutput.NotFound, $"The client's org has no user '{userText ?? "(client owner)"}'."));
        }

        var scopes = Scopes.ParseRequested(scopesText);
        if (scopes is null)
        {
            return (null, null, null, AdminOutput.Fail(AdminOutput.Invalid, $"'{scopesText}' is not a list of Zoho scopes."));
        }

        return (client, user, scopes, null);
    }
}
