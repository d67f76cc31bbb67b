using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

/// <summary>Orgs, users, OAuth clients and tokens in <c>{DataDirectory}/system.db</c>.</summary>
public sealed class SqliteSystemStore : ISystemStore
{
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(50);

    private readonly string _connectionString;
    private readonly string _lockPath;

    public SqliteSystemStore(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connectionString = SqliteConnections.ConnectionString(Path.Combine(dataDirectory, "system.db"));
        _lockPath = Path.Combine(dataDirectory, "bootstrap.lock");
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(new SqliteDialect(_connectionString), SchemaScripts.Load(typeof(SqliteSystemStore).Assembly, "system"), cancellationToken);

    public async Task<T> WithBootstrapLockAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
    {
        // Nodes over one SQLite file share its data directory. An exclusive open of a lock file is an OS lock
        // (flock on Unix) that every process respects and that dies with its holder; a SQLite write
        // transaction would not do, since the action writes on connections of its own.
        while (true)
        {
            FileStream held;
            try
            {
                held = new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetry, cancellationToken);
                continue;
            }

            await using (held)
            {
                return await action(cancellationToken);
            }
        }
    }

    public Task CreateOrgAsync(Org org, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        connection.Execute("INSERT INTO orgs (id, name, created_time, time_zone, currency) VALUES ($id, $name, $time, $zone, $currency)",
            ("$id", org.Id), ("$name", org.Name), ("$time", SqliteValues.FormatTime(org.CreatedTime)), ("$zone", org.TimeZone), ("$currency", org.Currency));
        return Task.CompletedTask;
    }

    public Task<Org?> GetOrgAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        using var command = connection.CreateCommand("SELECT id, name, created_time, time_zone, currency FROM orgs WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadOrg(reader) : null);
    }

    public Task<IReadOnlyList<Org>> ListOrgsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        using var command = connection.CreateCommand("SELECT id, name, created_time, time_zone, currency FROM orgs ORDER BY id");
        using var reader = command.ExecuteReader();
        var orgs = new List<Org>();
        while (reader.Read())
        {
            orgs.Add(ReadOrg(reader));
        }

        return Task.FromResult<IReadOnlyList<Org>>(orgs);
    }

    public Task CreateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        connection.Execute(
            """
            INSERT INTO users (id, org_id, email, first_name, last_name, profile, role, status, time_zone, locale)
            VALUES ($id, $org, $email, $first, $last, $profile, $role, $status, $zone, $locale)
            """,
            [("$id", user.Id), ("$org", user.OrgId), .. UserParameters(user)]);
        return Task.CompletedTask;
    }

    public Task<bool> UpdateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        var updated = connection.Execute(
            """
            UPDATE users SET email = $email, first_name = $first, last_name = $last, profile = $profile, role = $role,
                status = $status, time_zone = $zone, locale = $locale
            WHERE id = $id AND org_id = $org
            """,
            [("$id", user.Id), ("$org", user.OrgId), .. UserParameters(user)]);
        return Task.FromResult(updated > 0);
    }

    public Task<User?> GetUserAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        using var command = connection.CreateCommand(
            "SELECT id, org_id, email, first_name, last_name, profile, role, status, time_zone, locale FROM users WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadUser(reader) : null);
    }

    public Task<IReadOnlyList<User>> ListUsersAsync(long orgId, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        using var command = connection.CreateCommand(
            "SELECT id, org_id, email, first_name, last_name, profile, role, status, time_zone, locale FROM users WHERE org_id = $org ORDER BY id", ("$org", orgId));
        using var reader = command.ExecuteReader();
        var users = new List<User>();
        while (reader.Read())
        {
            users.Add(ReadUser(reader));
        }

        return Task.FromResult<IReadOnlyList<User>>(users);
    }

    public Task CreateClientAsync(OAuthClient client, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        connection.Execute(
            "INSERT INTO oauth_clients (client_id, secret_hash, org_id, name, user_id) VALUES ($id, $hash, $org, $name, $user)",
            ("$id", client.ClientId), ("$hash", client.SecretHash), ("$org", client.OrgId), ("$name", client.Name), ("$user", client.UserId));
        return Task.CompletedTask;
    }

    public Task<OAuthClient?> GetClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        using var command = connection.CreateCommand(
            "SELECT client_id, secret_hash, org_id, name, user_id FROM oauth_clients WHERE client_id = $id", ("$id", clientId));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadClient(reader) : null);
    }

    public Task<IReadOnlyList<OAuthClient>> ListClientsAsync(long orgId, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        using var command = connection.CreateCommand(
            "SELECT client_id, secret_hash, org_id, name, user_id FROM oauth_clients WHERE org_id = $org ORDER BY name, client_id", ("$org", orgId));
        using var reader = command.ExecuteReader();
        var clients = new List<OAuthClient>();
        while (reader.Read())
        {
            clients.Add(ReadClient(reader));
        }

        return Task.FromResult<IReadOnlyList<OAuthClient>>(clients);
    }

    public Task<int> RevokeTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        var revoked = connection.Execute(
            "UPDATE oauth_tokens SET revoked = 1 WHERE (token_hash = $hash OR parent_hash = $hash) AND revoked = 0", ("$hash", tokenHash));
        return Task.FromResult(revoked);
    }

    public Task StoreTokenAsync(TokenRecord token, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        connection.Execute(
            """
            INSERT INTO oauth_tokens (token_hash, kind, client_id, org_id, user_id, scopes, expires_time, revoked, parent_hash)
            VALUES ($hash, $kind, $client, $org, $user, $scopes, $expires, $revoked, $parent)
            ON CONFLICT (token_hash) DO UPDATE SET revoked = excluded.revoked, expires_time = excluded.expires_time
            """,
            ("$hash", token.TokenHash), ("$kind", token.Kind.ToString()), ("$client", token.ClientId), ("$org", token.OrgId),
            ("$user", token.UserId), ("$scopes", string.Join(',', token.Scopes)),
            ("$expires", token.ExpiresTime is { } e ? SqliteValues.FormatTime(e) : null), ("$revoked", token.Revoked ? 1 : 0),
            ("$parent", token.ParentHash));
        return Task.CompletedTask;
    }

    public Task<TokenRecord?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        using var command = connection.CreateCommand(
            "SELECT token_hash, kind, client_id, org_id, user_id, scopes, expires_time, revoked, parent_hash FROM oauth_tokens WHERE token_hash = $hash",
            ("$hash", tokenHash));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return Task.FromResult<TokenRecord?>(null);
        }

        return Task.FromResult<TokenRecord?>(new TokenRecord(
            reader.GetString(0),
            Enum.Parse<TokenKind>(reader.GetString(1)),
            reader.GetString(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries),
            reader.IsDBNull(6) ? null : SqliteValues.ParseTime(reader.GetString(6)),
            reader.GetInt64(7) != 0,
            reader.IsDBNull(8) ? null : reader.GetString(8)));
    }

    private static OAuthClient ReadClient(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4));

    private static Org ReadOrg(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), SqliteValues.ParseTime(reader.GetString(2)), reader.GetString(3), reader.GetString(4));

    private static (string, object?)[] UserParameters(User user) =>
    [
        ("$email", user.Email), ("$first", user.FirstName), ("$last", user.LastName), ("$profile", user.Profile),
        ("$role", user.Role), ("$status", user.Status), ("$zone", user.TimeZone), ("$locale", user.Locale),
    ];

    private static User ReadUser(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.GetString(9));
}
