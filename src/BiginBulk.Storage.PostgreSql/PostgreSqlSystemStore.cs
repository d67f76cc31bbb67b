using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Relational;
using Npgsql;
using NpgsqlTypes;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>Orgs, users, OAuth clients and tokens in the <c>biginbulk</c> schema, shared by every node.</summary>
public sealed class PostgreSqlSystemStore : ISystemStore
{
    public const string Schema = "biginbulk";

    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlSystemStore(string connectionString) => _dataSource = PostgreSqlDataSources.Create(connectionString, Schema);

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(new PostgreSqlDialect(_dataSource, Schema), SchemaScripts.Load(typeof(PostgreSqlSystemStore).Assembly, "system"), cancellationToken);

    public async Task<T> WithBootstrapLockAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
    {
        // A transaction-scoped advisory lock on a connection of its own: the action's statements use other
        // connections, and the lock is released when this transaction ends, even if the node dies mid-way.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.LockAsync("biginbulk:bootstrap", cancellationToken);
        var result = await action(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task CreateOrgAsync(Org org, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO orgs (id, name, created_time, time_zone, currency) VALUES (@id, @name, @time, @zone, @currency)", cancellationToken,
            P("id", org.Id), P("name", org.Name), P("time", PostgreSqlValues.Time(org.CreatedTime)), P("zone", org.TimeZone), P("currency", org.Currency));
    }

    public async Task<Org?> GetOrgAsync(long id, CancellationToken cancellationToken = default)
    {
        var orgs = await QueryAsync("SELECT id, name, created_time, time_zone, currency FROM orgs WHERE id = @id", ReadOrg, cancellationToken, P("id", id));
        return orgs.Count > 0 ? orgs[0] : null;
    }

    public Task<IReadOnlyList<Org>> ListOrgsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT id, name, created_time, time_zone, currency FROM orgs ORDER BY id", ReadOrg, cancellationToken);

    public async Task CreateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO users (id, org_id, email, first_name, last_name, profile, role, status, time_zone, locale)
            VALUES (@id, @org, @email, @first, @last, @profile, @role, @status, @zone, @locale)
            """,
            cancellationToken,
            [P("id", user.Id), P("org", user.OrgId), .. UserParameters(user)]);
    }

    public async Task<bool> UpdateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE users SET email = @email, first_name = @first, last_name = @last, profile = @profile, role = @role,
                status = @status, time_zone = @zone, locale = @locale
            WHERE id = @id AND org_id = @org
            """,
            cancellationToken,
            [P("id", user.Id), P("org", user.OrgId), .. UserParameters(user)]) > 0;
    }

    public async Task<User?> GetUserAsync(long id, CancellationToken cancellationToken = default)
    {
        var users = await QueryAsync("SELECT id, org_id, email, first_name, last_name, profile, role, status, time_zone, locale FROM users WHERE id = @id", ReadUser, cancellationToken, P("id", id));
        return users.Count > 0 ? users[0] : null;
    }

    public Task<IReadOnlyList<User>> ListUsersAsync(long orgId, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT id, org_id, email, first_name, last_name, profile, role, status, time_zone, locale FROM users WHERE org_id = @org ORDER BY id", ReadUser, cancellationToken, P("org", orgId));

    public async Task CreateClientAsync(OAuthClient client, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO oauth_clients (client_id, secret_hash, org_id, name, user_id) VALUES (@id, @hash, @org, @name, @user)",
            cancellationToken,
            P("id", client.ClientId), P("hash", client.SecretHash), P("org", client.OrgId), P("name", client.Name), P("user", client.UserId, NpgsqlDbType.Bigint));
    }

    public async Task<OAuthClient?> GetClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var clients = await QueryAsync(
            "SELECT client_id, secret_hash, org_id, name, user_id FROM oauth_clients WHERE client_id = @id", ReadClient, cancellationToken, P("id", clientId));
        return clients.Count > 0 ? clients[0] : null;
    }

    public Task<IReadOnlyList<OAuthClient>> ListClientsAsync(long orgId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            // COLLATE "C": SQLite sorts text by bytes; the database's default collation might not.
            "SELECT client_id, secret_hash, org_id, name, user_id FROM oauth_clients WHERE org_id = @org ORDER BY name COLLATE \"C\", client_id COLLATE \"C\"",
            ReadClient, cancellationToken, P("org", orgId));

    public async Task<int> RevokeTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE oauth_tokens SET revoked = true WHERE (token_hash = @hash OR parent_hash = @hash) AND NOT revoked", cancellationToken, P("hash", tokenHash));
    }

    public async Task StoreTokenAsync(TokenRecord token, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO oauth_tokens (token_hash, kind, client_id, org_id, user_id, scopes, expires_time, revoked, parent_hash)
            VALUES (@hash, @kind, @client, @org, @user, @scopes, @expires, @revoked, @parent)
            ON CONFLICT (token_hash) DO UPDATE SET revoked = excluded.revoked, expires_time = excluded.expires_time
            """,
            cancellationToken,
            P("hash", token.TokenHash), P("kind", token.Kind.ToString()), P("client", token.ClientId), P("org", token.OrgId),
            P("user", token.UserId), P("scopes", string.Join(',', token.Scopes)),
            P("expires", token.ExpiresTime is { } e ? PostgreSqlValues.Time(e) : null, NpgsqlDbType.TimestampTz), P("revoked", token.Revoked),
            P("parent", token.ParentHash, NpgsqlDbType.Text));
    }

    public async Task<TokenRecord?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        var tokens = await QueryAsync(
            "SELECT token_hash, kind, client_id, org_id, user_id, scopes, expires_time, revoked, parent_hash FROM oauth_tokens WHERE token_hash = @hash",
            reader => new TokenRecord(
                reader.GetString(0),
                Enum.Parse<TokenKind>(reader.GetString(1)),
                reader.GetString(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries),
                reader.IsDBNull(6) ? null : PostgreSqlValues.ReadTime(reader.GetDateTime(6)),
                reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)),
            cancellationToken,
            P("hash", tokenHash));
        return tokens.Count > 0 ? tokens[0] : null;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static OAuthClient ReadClient(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4));

    private static Org ReadOrg(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), PostgreSqlValues.ReadTime(reader.GetDateTime(2)), reader.GetString(3), reader.GetString(4));

    private static NpgsqlParameter[] UserParameters(User user) =>
    [
        P("email", user.Email), P("first", user.FirstName, NpgsqlDbType.Text), P("last", user.LastName), P("profile", user.Profile),
        P("role", user.Role), P("status", user.Status), P("zone", user.TimeZone), P("locale", user.Locale),
    ];

    private static User ReadUser(NpgsqlDataReader reader) => new(
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
