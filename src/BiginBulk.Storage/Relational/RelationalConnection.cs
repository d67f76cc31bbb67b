using System.Data.Common;

namespace BiginBulk.Storage.Relational;

/// <summary>
/// One open connection and its current transaction, binding parameters through the dialect. Every command
/// checks the token before it starts: that is where SQLite's synchronous driver (whose async methods run
/// synchronously) honours cancellation, between statements, as PostgreSQL's does within them too.
/// Parameters are written <c>@name</c> in the SQL and passed by bare name.
/// </summary>
public sealed class RelationalConnection(DbConnection connection, SqlDialect dialect) : IAsyncDisposable, IDisposable
{
    public DbConnection Connection { get; } = connection;

    public SqlDialect Dialect { get; } = dialect;

    public DbTransaction? Transaction { get; private set; }

    public async Task BeginWriteAsync(string? serializeOn, CancellationToken cancellationToken) =>
        Transaction = await Dialect.BeginWriteAsync(Connection, serializeOn, cancellationToken);

    public async Task BeginSnapshotAsync(CancellationToken cancellationToken) =>
        Transaction = await Dialect.BeginSnapshotAsync(Connection, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) =>
        (Transaction ?? throw new InvalidOperationException("No transaction to commit.")).CommitAsync(cancellationToken);

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = Dialect.ToDb(value);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Reads every row of the result with <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>The synchronous form, for a write chunk's commit, which the store interface keeps synchronous.</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The synchronous form of <see cref="ScalarAsync"/>.</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        await Connection.DisposeAsync();
    }

    public void Dispose()
    {
        Transaction?.Dispose();
        Connection.Dispose();
    }
}
