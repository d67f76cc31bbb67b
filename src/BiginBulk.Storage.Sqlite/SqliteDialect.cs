using System.Data;
using System.Globalization;
using System.Data.Common;
using System.Text.Json;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;
using BiginBulk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// SQLite's side of the relational store: one file per org, times as sortable ISO text, lists bound as one JSON
/// array unpacked by <c>json_each</c>, blobs streamed through <see cref="SqliteBlob"/>. Every writing
/// transaction is <c>BEGIN IMMEDIATE</c>: it takes the file's single write lock up front, which serializes all
/// writers (across processes too) and never fails half-way on a lock upgrade. The driver is synchronous; its
/// async methods run inline, and <see cref="RelationalConnection"/> checks cancellation between statements.
/// </summary>
internal sealed class SqliteDialect(string connectionString) : SqlDialect
{
    public override string SkipLocked => string.Empty;

    public override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<DbConnection>(Open());
    }

    public override DbConnection Open() => SqliteConnections.Open(connectionString);

    public override object ToDb(object? value) => value is byte[] bytes ? bytes : SqliteValues.ToDb(value);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => SqliteValues.ParseTime(reader.GetString(ordinal));

    public override object? FromDb(FieldDefinition field, object dbValue) => SqliteValues.FromDb(field, dbValue);

    public override ExportSqlBuilderBase CreateExportSqlBuilder(ExportQuery query) => new ExportSqlBuilder(query);

    public override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    public override object BindList(IReadOnlyCollection<long> values) => JsonSerializer.Serialize(values);

    // The single write lock serializes every writer, so no separate lock is needed for serializeOn.
    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, string? serializeOn, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    // A deferred transaction reads one snapshot of the WAL from its first statement on.
    public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: true));
    }

    // Reserve the blob with zeroblob() and stream into it, so a 25 MB upload is never held in memory.
    public override async Task WriteBlobAsync(RelationalConnection db, string table, string column, long id, Stream content, long length, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync($"UPDATE {table} SET {column} = zeroblob(@size) WHERE id = @id", cancellationToken, ("size", length), ("id", id));
        using var blob = new SqliteBlob((SqliteConnection)db.Connection, table, column, id);
        await content.CopyToAsync(blob, cancellationToken);
    }

    public override Stream? OpenBlob(DbConnection connection, string table, string column, long id)
    {
        try
        {
            using var check = connection.CreateCommand();
            check.CommandText = $"SELECT {column} IS NOT NULL FROM {table} WHERE id = $id";
            check.Parameters.Add(new SqliteParameter("$id", id));
            if (check.ExecuteScalar() is not long present || present == 0)
            {
                connection.Dispose();
                return null;
            }

            return new OwningStream(new SqliteBlob((SqliteConnection)connection, table, column, id, readOnly: true), connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override string ColumnType(FieldType type) => SqliteValues.ColumnType(type);

    public override string TextCollation => " COLLATE NOCASE";

    public override string GeneratedColumn(string type, string expression) => $"{type} GENERATED ALWAYS AS ({expression}) VIRTUAL";

    // A NOCASE column's index folds case by itself.
    public override string Indexed(FieldDefinition field) => Quote(field.ColumnName);

    // Adding or removing a column bumps SQLite's schema_version, also when another process (the admin tool) does it.
    public override string CatalogVersionSql => "PRAGMA schema_version";

    public override string? BumpCatalogVersionSql => null;

    public override string CustomFieldOrder => "rowid";

    public override async Task<int> BeginMigrationAsync(RelationalConnection db, CancellationToken cancellationToken)
    {
        // Take the write lock first so two processes starting at once do not both migrate.
        await db.BeginWriteAsync(null, cancellationToken);
        return Convert.ToInt32(await db.ScalarAsync("PRAGMA user_version", cancellationToken), CultureInfo.InvariantCulture);
    }

    public override Task SetSchemaVersionAsync(RelationalConnection db, int version, CancellationToken cancellationToken) =>
        db.ExecuteAsync($"PRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
}
