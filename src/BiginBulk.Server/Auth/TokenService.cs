using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Auth;

/// <summary>Mints and checks OAuth tokens. Only hashes are stored; the plain value is returned once.</summary>
internal sealed class TokenService(ICredentialStore store, TimeProvider time)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>How long a self-client grant code lives when none is chosen (Zoho's console offers 3–10 minutes).</summary>
    public static readonly TimeSpan DefaultGrantCodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Mints a token. Access tokens live an hour, grant codes <paramref name="lifetime"/>, refresh
    /// tokens until revoked. <paramref name="parent"/> is the refresh token an access token comes from.</summary>
    public async Task<string> MintAsync(
        TokenKind kind,
        string clientId,
        long orgId,
        long userId,
        IReadOnlyList<string> scopes,
        TokenRecord? parent = null,
        TimeSpan? lifetime = null,
        CancellationToken cancellationToken = default)
    {
        var token = TokenHasher.NewToken();
        DateTimeOffset? expires = kind switch
        {
            TokenKind.Access => time.GetUtcNow() + AccessTokenLifetime,
            TokenKind.GrantCode => time.GetUtcNow() + (lifetime ?? DefaultGrantCodeLifetime),
            _ => null,
        };
        await store.StoreTokenAsync(
            new TokenRecord(TokenHasher.Hash(token), kind, clientId, orgId, userId, scopes, expires, Revoked: false, parent?.TokenHash),
            cancellationToken);
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

    /// <summary>Revokes a token at once, with every access token minted from it.</summary>
    public Task<int> RevokeAsync(string token, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 512
            ? Task.FromResult(0)
            : store.RevokeTokenAsync(TokenHasher.Hash(token), cancellationToken);

    /// <summary>Uses up a grant code: it is revoked before the tokens it buys are minted, so it works once.</summary>
    public async Task<TokenRecord?> RedeemGrantCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        var record = await FindLiveAsync(code, TokenKind.GrantCode, cancellationToken);
        if (record is null)
        {
            return null;
        }

        return await store.RevokeTokenAsync(record.TokenHash, cancellationToken) > 0 ? record : null;
    }
}
