using System.Data;
using System.Data.Common;
using BiginBulk.Storage.Relational;
using Npgsql;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's side of the relational store: one schema per org reached through a pool whose search_path is
/// that schema alone, times as timestamptz to the second, lists bound as one array for <c>= ANY</c>, blobs as
/// bytea streamed in as a parameter and out in slices (<see cref="PostgreSqlBlobStream"/>). READ COMMITTED lets
/// two transactions see the same rows, so a writer that must be alone takes a transaction-scoped advisory lock
/// keyed by the org's schema, held to commit on every node sharing the database.
/// </summary>
internal sealed class PostgreSqlDialect(NpgsqlDataSource dataSource, string schema) : SqlDialect
{
    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override DbConnection Open() => dataSource.OpenConnection();

    public override object ToDb(object? value) => value switch
    {
        byte[] or long[] => value,
        // A Stream parameter is copied to the socket as it is read (see WriteBlobAsync).
        Stream => value,
        _ => PostgreSqlValues.ToDb(value),
    };

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => PostgreSqlValues.ReadTime(reader.GetDateTime(ordinal));

    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public override object BindList(IReadOnlyCollection<long> values) => values.ToArray();

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, string? serializeOn, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var transaction = await npgsql.BeginTransactionAsync(cancellationToken);
        if (serializeOn is not null)
        {
            await npgsql.LockAsync($"biginbulk:{serializeOn}:{schema}", cancellationToken);
        }

        return transaction;
    }

    public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    public override async Task WriteBlobAsync(RelationalConnection db, string table, string column, long id, Stream content, long length, CancellationToken cancellationToken)
    {
        await using var command = (NpgsqlCommand)db.Command($"UPDATE {table} SET {column} = @content WHERE id = @id", ("id", id));
        command.Parameters.Add(new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = content });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override Stream? OpenBlob(DbConnection connection, string table, string column, long id) =>
        PostgreSqlBlobStream.Open((NpgsqlConnection)connection, table, column, id);
}
