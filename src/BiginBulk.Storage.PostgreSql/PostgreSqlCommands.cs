using Npgsql;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// Small helpers for parameterized commands. Npgsql enlists a command in the connection's open transaction by
/// itself, so unlike SQLite there is no Transaction to set on each command.
/// </summary>
internal static class PostgreSqlCommands
{
    /// <summary>A parameter whose type PostgreSQL infers from the value.</summary>
    public static NpgsqlParameter P(string name, object? value) => new(name, value is string text ? PostgreSqlValues.Text(text) : value ?? DBNull.Value);

    /// <summary>A parameter of a stated type: needed for NULLs of non-text columns and for prepared statements.</summary>
    public static NpgsqlParameter P(string name, object? value, NpgsqlDbType type) =>
        new(name, type) { Value = value is string text ? PostgreSqlValues.Text(text) : value ?? DBNull.Value };

    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static int Execute(this NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Serializes a transaction against every other holding the same key, until it ends.</summary>
    public static Task LockAsync(this NpgsqlConnection connection, string key, CancellationToken cancellationToken) =>
        connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", cancellationToken, P("key", key));

    public static void Lock(this NpgsqlConnection connection, string key) =>
        connection.Execute("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", P("key", key));
}
