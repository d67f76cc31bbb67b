using Npgsql;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// Which store the server under test runs on. <c>BIGINBULK_TEST_STORE=postgres</c> with
/// <c>BIGINBULK_TEST_POSTGRES</c> (a connection string with the right to create databases, as test.sh sets up)
/// gives every server process its own fresh database. A PostgreSQL run whose server cannot be reached fails:
/// it never falls back to SQLite or skips.
/// </summary>
public static class TestStore
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("BIGINBULK_TEST_STORE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates <c>bb_{guid}</c> and returns its connection string; null on a SQLite run.</summary>
    public static async Task<string?> CreateDatabaseAsync()
    {
        if (!IsPostgres)
        {
            return null;
        }

        var admin = Environment.GetEnvironmentVariable("BIGINBULK_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException("BIGINBULK_TEST_STORE=postgres needs BIGINBULK_TEST_POSTGRES (run ./test.sh, which starts PostgreSQL).");
        }

        var name = "bb_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        // FORCE: a killed server's connections may still be closing.
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
