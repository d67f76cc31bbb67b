namespace BiginBulk.Storage.Auth;

/// <summary>OAuth clients and the tokens minted for them (stored as hashes): the token routes and the auth middleware's lookups.</summary>
public interface ICredentialStore
{
    Task CreateClientAsync(OAuthClient client, CancellationToken cancellationToken = default);

    Task<OAuthClient?> GetClientAsync(string clientId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OAuthClient>> ListClientsAsync(long orgId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token and every token minted from it; returns how many were live.</summary>
    Task<int> RevokeTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    Task StoreTokenAsync(TokenRecord token, CancellationToken cancellationToken = default);

    Task<TokenRecord?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default);
}
