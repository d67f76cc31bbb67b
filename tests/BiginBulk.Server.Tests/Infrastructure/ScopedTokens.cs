using System.Collections.Concurrent;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// Access tokens with chosen scopes, minted by the real admin tool (<c>admin token create --scopes</c>) and
/// cached per server, client, user and scope set, since each mint starts a process.
/// </summary>
public sealed class ScopedTokens(ServerProcess server)
{
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new(StringComparer.Ordinal);

    /// <summary>A token for <paramref name="scopes"/> (comma-separated) acting as the client's user, or <paramref name="userId"/>.</summary>
    public Task<string> GetAsync(string scopes, string? clientId = null, string? userId = null)
    {
        var client = clientId ?? server.Credentials.ClientId;
        return _tokens.GetOrAdd($"{client}|{userId}|{scopes}", _ => MintAsync(server, scopes, client, userId));
    }

    public static async Task<string> MintAsync(ServerProcess server, string scopes, string clientId, string? userId = null)
    {
        string[] args = userId is null
            ? ["token", "create", "--client", clientId, "--scopes", scopes]
            : ["token", "create", "--client", clientId, "--user", userId, "--scopes", scopes];
        var json = await AdminTool.RunJsonAsync(server, args);
        return json["access_token"]!.GetValue<string>();
    }
}
