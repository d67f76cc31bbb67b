using Microsoft.Data.Sqlite;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// Looks into the server's data directory to count stored uploads: the only way to prove that a refused
/// upload left nothing behind, since no API lists files. Read-only, and the org's database is SQLite in WAL
/// mode, so the running server is not disturbed.
/// </summary>
public static class StoredFiles
{
    public static long Count(ServerProcess server)
    {
        if (server.PostgresConnectionString is { } postgres)
        {
            // On PostgreSQL the org's files are rows of its schema's files table.
            using var pg = new Npgsql.NpgsqlConnection(postgres);
            pg.Open();
            using var exists = new Npgsql.NpgsqlCommand($"SELECT to_regclass('org_{server.Credentials.OrgId}.files') IS NOT NULL", pg);
            if (!(bool)exists.ExecuteScalar()!)
            {
                return 0;
            }

            using var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM org_{server.Credentials.OrgId}.files", pg);
            return (long)count.ExecuteScalar()!;
        }

        var path = Path.Combine(server.DataDirectory, "data", "orgs", $"{server.Credentials.OrgId}.db");
        if (!File.Exists(path))
        {
            return 0;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM files";
        return (long)command.ExecuteScalar()!;
    }
}
