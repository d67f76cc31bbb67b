namespace BiginBulk.Storage.Auth;

/// <summary>The orgs and their users: who a token's user is, which orgs the workers serve, what the user routes and the admin tool change.</summary>
public interface IOrgDirectory
{
    Task CreateOrgAsync(Org org, CancellationToken cancellationToken = default);

    Task<Org?> GetOrgAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Org>> ListOrgsAsync(CancellationToken cancellationToken = default);

    Task CreateUserAsync(User user, CancellationToken cancellationToken = default);

    Task<User?> GetUserAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<User>> ListUsersAsync(long orgId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a user's attributes (all but id and org); false when there is no such user in that org.</summary>
    Task<bool> UpdateUserAsync(User user, CancellationToken cancellationToken = default);
}
