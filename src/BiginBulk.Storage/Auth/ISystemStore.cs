namespace BiginBulk.Storage.Auth;

/// <summary>The data that spans orgs: the orgs themselves, their users, OAuth clients and tokens.</summary>
public interface ISystemStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="action"/> while holding the store's bootstrap lock, which one process at a time holds
    /// across every node sharing the store: nodes starting together on an empty store must create one default
    /// org between them, so "find or create" has to be one step.
    /// </summary>
    Task<T> WithBootstrapLockAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default);

    Task CreateOrgAsync(Org org, CancellationToken cancellationToken = default);

    Task<Org?> GetOrgAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Org>> ListOrgsAsync(CancellationToken cancellationToken = default);

    Task CreateUserAsync(User user, CancellationToken cancellationToken = default);

    Task<User?> GetUserAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<User>> ListUsersAsync(long orgId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a user's attributes (all but id and org); false when there is no such user in that org.</summary>
    Task<bool> UpdateUserAsync(User user, CancellationToken cancellationToken = default);

    Task CreateClientAsync(OAuthClient client, CancellationToken cancellationToken = default);

    Task<OAuthClient?> GetClientAsync(string clientId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OAuthClient>> ListClientsAsync(long orgId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token and every token minted from it; returns how many were live.</summary>
    Task<int> RevokeTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    Task StoreTokenAsync(TokenRecord token, CancellationToken cancellationToken = default);

    Task<TokenRecord?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default);
}
