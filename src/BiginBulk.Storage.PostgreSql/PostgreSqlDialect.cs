using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;
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
    /// <summary>The dialect of one schema, over a pool of its own whose search_path is that schema alone.</summary>
    public static PostgreSqlDialect Create(string connectionString, string schema) =>
        new(PostgreSqlDataSources.Create(connectionString, schema), schema);

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override DbConnection Open() => dataSource.OpenConnection();

    public override object ToDb(object? value) => value switch
    {
        // Already stored forms: arrays (lists, blobs), times of a built query, a blob's stream (which a
        // parameter copies to the socket as it is read).
        Array or DateTime or Stream => value,
        _ => PostgreSqlValues.ToDb(value),
    };

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => PostgreSqlValues.ReadTime(reader.GetDateTime(ordinal));

    public override object? FromDb(FieldDefinition field, object dbValue) => PostgreSqlValues.FromDb(field, dbValue);

    public override ExportSqlBuilderBase CreateExportSqlBuilder(ExportQuery query) => new PostgreSqlExportSqlBuilder(query);

    /// <summary>
    /// A read-only transaction holding a server-side cursor: PostgreSQL hands the rows over in batches of FETCH,
    /// so neither the server nor this process ever holds a 200,000-row page at once.
    /// </summary>
    public override async IAsyncEnumerable<T> StreamAsync<T>(
        RelationalConnection db, string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await db.BeginSnapshotAsync(cancellationToken);
        await db.ExecuteAsync($"DECLARE export_cursor NO SCROLL CURSOR FOR {sql}", cancellationToken, [.. parameters]);
        await using var fetch = db.Command("FETCH FORWARD 2000 FROM export_cursor");
        while (true)
        {
            var rows = 0;
            await using (var reader = await fetch.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows++;
                    yield return read(reader);
                }
            }

            if (rows == 0)
            {
                break;
            }
        }

        await db.CommitAsync(cancellationToken);
    }

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

    public override string ColumnType(FieldType type) => PostgreSqlValues.ColumnType(type);

    public override string TextCollation => string.Empty;

    public override string GeneratedColumn(string type, string expression) => $"{type} GENERATED ALWAYS AS ({expression}) STORED";

    public override string Indexed(FieldDefinition field) => PostgreSqlValues.Indexed(field);

    // PostgreSQL has no per-schema schema_version: every field change bumps catalog_version in its transaction,
    // so another node's change is noticed on the next read.
    public override string CatalogVersionSql => "SELECT version FROM catalog_version WHERE id = 1";

    public override string? BumpCatalogVersionSql => "UPDATE catalog_version SET version = version + 1 WHERE id = 1";

    public override string CustomFieldOrder => "created_time, api_name COLLATE \"C\"";

    /// <summary>DDL is transactional in PostgreSQL; the schema and its version row are created under the lock.</summary>
    public override async Task<int> BeginMigrationAsync(RelationalConnection db, CancellationToken cancellationToken)
    {
        await db.BeginWriteAsync("migrate", cancellationToken);
        var quoted = Quote(schema);
        await db.ExecuteAsync(
            $"""
            CREATE SCHEMA IF NOT EXISTS {quoted};
            SET LOCAL search_path TO {quoted};
            CREATE TABLE IF NOT EXISTS schema_version (id int PRIMARY KEY CHECK (id = 1), version int NOT NULL);
            INSERT INTO schema_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
            """,
            cancellationToken);
        return (int)(await db.ScalarAsync("SELECT version FROM schema_version WHERE id = 1", cancellationToken))!;
    }

    public override Task SetSchemaVersionAsync(RelationalConnection db, int version, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE schema_version SET version = @v WHERE id = 1", cancellationToken, ("v", version));
}
