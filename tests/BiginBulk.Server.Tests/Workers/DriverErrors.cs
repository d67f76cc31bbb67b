using System.Data.Common;
using BiginBulk.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BiginBulk.Server.Tests.Workers;

/// <summary>
/// Real errors from the database driver under test (SQLite, or PostgreSQL on a PostgreSQL run), caused the way
/// a store meets them: another connection holding a lock, and a unique constraint violated.
/// </summary>
internal static class DriverErrors
{
    /// <summary>SQLite BUSY, or PostgreSQL's lock_not_available (55P03): another connection holds the lock.</summary>
    public static async Task<DbException> LockConflictAsync()
    {
        if (TestStore.IsPostgres)
        {
            return await OnPostgresAsync(async (holder, other) =>
            {
                // Npgsql runs a batch in one implicit transaction: the table must be committed before the lock.
                await ExecuteAsync(holder, "CREATE TABLE t (id int);");
                await ExecuteAsync(holder, "BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE;");
                return await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(other, "BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE NOWAIT;"));
            });
        }

        return await OnSqliteAsync(async (holder, other) =>
        {
            await ExecuteAsync(holder, "CREATE TABLE t (id INTEGER); BEGIN EXCLUSIVE;");
            // The waiting connection gives up after one second of SQLITE_BUSY instead of the default 30.
            return await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(other, "INSERT INTO t VALUES (1);", timeoutSeconds: 1));
        });
    }

    /// <summary>A unique constraint violated: the same insert would fail again.</summary>
    public static async Task<DbException> UniqueViolationAsync()
    {
        const string Sql = "CREATE TABLE u (id int PRIMARY KEY); INSERT INTO u VALUES (1);";
        const string Again = "INSERT INTO u VALUES (1);";
        return TestStore.IsPostgres
            ? await OnPostgresAsync(async (first, _) =>
            {
                await ExecuteAsync(first, Sql);
                return await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(first, Again));
            })
            : await OnSqliteAsync(async (first, _) =>
            {
                await ExecuteAsync(first, Sql);
                return await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(first, Again));
            });
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, int timeoutSeconds = 30)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<DbException> OnSqliteAsync(Func<DbConnection, DbConnection, Task<DbException>> cause)
    {
        var path = Path.Combine(Path.GetTempPath(), $"biginbulk-driver-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        try
        {
            await using var first = new SqliteConnection(connectionString);
            await using var second = new SqliteConnection(connectionString);
            await first.OpenAsync();
            await second.OpenAsync();
            return await cause(first, second);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<DbException> OnPostgresAsync(Func<DbConnection, DbConnection, Task<DbException>> cause)
    {
        var connectionString = await TestStore.CreateDatabaseAsync()
            ?? throw new InvalidOperationException("A PostgreSQL run has a PostgreSQL server.");
        try
        {
            await using (var first = new NpgsqlConnection(connectionString))
            await using (var second = new NpgsqlConnection(connectionString))
            {
                await first.OpenAsync();
                await second.OpenAsync();
                return await cause(first, second);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestStore.DropDatabaseAsync(connectionString);
        }
    }
}
