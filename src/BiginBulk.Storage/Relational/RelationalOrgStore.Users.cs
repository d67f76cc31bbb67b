using BiginBulk.Storage.Auth;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    public async Task SyncUsersAsync(IReadOnlyList<User> users, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.BeginWriteAsync(null, cancellationToken);
        await db.ExecuteAsync("DELETE FROM org_users", cancellationToken);
        foreach (var user in users)
        {
            await db.ExecuteAsync(
                "INSERT INTO org_users (id, first_name, last_name, full_name, email) VALUES (@id, @first, @last, @full, @email)",
                cancellationToken,
                ("id", user.Id), ("first", user.FirstName), ("last", user.LastName), ("full", user.FullName), ("email", user.Email));
        }

        await db.CommitAsync(cancellationToken);
    }
}
