using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// Applies numbered schema steps once each, tracking the applied version in <c>PRAGMA user_version</c>.
/// Each step runs in its own transaction with the version bump, so a crash mid-migration leaves the
/// file at the previous version, and the step runs again on the next start.
/// </summary>
internal static class SqliteMigrator
{
    public static void Migrate(SqliteConnection connection, IReadOnlyList<Action<SqliteConnection>> steps)
    {
        using (var begin = connection.CreateCommand())
        {
            // Take the write lock first so two processes starting at once do not both migrate.
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        try
        {
            long version;
            using (var read = connection.CreateCommand())
            {
                read.CommandText = "PRAGMA user_version";
                version = (long)read.ExecuteScalar()!;
            }

            for (var i = (int)version; i < steps.Count; i++)
            {
                steps[i](connection);
                using var bump = connection.CreateCommand();
                bump.CommandText = $"PRAGMA user_version = {i + 1}";
                bump.ExecuteNonQuery();
            }

            connection.Execute("COMMIT");
        }
        catch
        {
            connection.Execute("ROLLBACK");
            throw;
        }
    }
}
