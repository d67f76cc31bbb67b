using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

/// <summary>Opens connections to one SQLite file with the settings every connection needs.</summary>
internal static class SqliteConnections
{
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // WAL lets the API read while a worker writes. synchronous=NORMAL in WAL mode never loses a
        // committed transaction to a process crash (only to power loss), which is the crash we test.
        // busy_timeout makes concurrent writers wait instead of failing with SQLITE_BUSY.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public static int Execute(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static SqliteCommand CreateCommand(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
