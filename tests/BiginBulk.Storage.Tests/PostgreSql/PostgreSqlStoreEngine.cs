using BiginBulk.Storage.Auth;
using BiginBulk.Storage.PostgreSql;
using Npgsql;

namespace BiginBulk.Storage.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL stores over a fresh database per test class, on the server named by <c>BIGINBULK_TEST_POSTGRES</c>.
/// Without that variable every PostgreSQL test fails (never skips): the suite is only green when both engines ran.
/// </summary>
public sealed class PostgreSqlStoreEngine : StoreEngine
{
    public const string EnvironmentVariable = "BIGINBULK_TEST_POSTGRES";

    private readonly string _database = "biginbulk_test_" + Guid.NewGuid().ToString("N");
    private string? _serverConnectionString;
    private string? _connectionString;

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database was not created.");

    public override ISystemStore CreateSystemStore() => new PostgreSqlSystemStore(ConnectionString);

    public override IOrgStoreProvider CreateOrgStoreProvider() => new PostgreSqlOrgStoreProvider(ConnectionString);

    protected override async ValueTask CreateDataAsync()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(_serverConnectionString))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the PostgreSQL compliance tests need a server. Set it to a connection string " +
                "whose user may create databases, e.g. Host=localhost;Port=5432;Username=postgres;Password=postgres.");
        }

        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
        _connectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _database }.ConnectionString;
    }

    protected override async ValueTask DeleteDataAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        // FORCE ends the stores' pooled connections, which nothing else closes.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
