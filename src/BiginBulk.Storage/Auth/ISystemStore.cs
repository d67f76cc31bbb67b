namespace BiginBulk.Storage.Auth;

/// <summary>The data that spans orgs: the orgs themselves and their users (<see cref="IOrgDirectory"/>), OAuth
/// clients and tokens (<see cref="ICredentialStore"/>), and what only start-up needs.</summary>
public interface ISystemStore : IOrgDirectory, ICredentialStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="action"/> while holding the store's bootstrap lock, which one process at a time holds
    /// across every node sharing the store: nodes starting together on an empty store must create one default
    /// org between them, so "find or create" has to be one step.
    /// </summary>
    Task<T> WithBootstrapLockAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default);
}
