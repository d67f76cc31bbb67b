using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Auth;

/// <summary>Mints and checks OAuth tokens. Only hashes are stored; the plain value is returned once.</summary>
public sealed class TokenService(ISystemStore store, TimeProvider time)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    public async Task<string> MintAsync(TokenKind kind, string clientId, long orgId, long userId, IReadOnlyList<string> scopes, CancellationToken cancellationToken = default)
    {
        var token = TokenHasher.NewToken();
        DateTimeOffset? expires = kind == TokenKind.Access ? time.GetUtcNow() + AccessTokenLifetime : null;
        await store.StoreTokenAsync(new TokenRecord(TokenHasher.Hash(token), kind, clientId, orgId, userId, scopes, expires, Revoked: false), cancellationToken);
        return token;
    }

    /// <summary>The live token of the given kind, or null when unknown, revoked or expired.</summary>
    public async Task<TokenRecord?> FindLiveAsync(string token, TokenKind kind, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512)
        {
            return null;
        }

        var record = await store.FindTokenAsync(TokenHasher.Hash(token), cancellationToken);
        if (record is null || record.Kind != kind || record.Revoked)
        {
            return null;
        }

        return record.ExpiresTime is { } expires && expires <= time.GetUtcNow() ? null : record;
    }
}
