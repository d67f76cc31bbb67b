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
