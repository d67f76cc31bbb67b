using System.Data.Common;
using System.Runtime.CompilerServices;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.Relational;

/// <summary>
/// What one relational database does differently from the others, for <see cref="RelationalOrgStore"/>: how a
/// connection is opened, how values and lists are bound, how times are stored, how writers are serialized and
/// how a blob is streamed in and out. The SQL of every flow is written once, in the store; the dialect never
/// decides a rule.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Appended to the inner SELECT of a claim: PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c> lets workers of
    /// several nodes claim at once without queuing on one row; SQLite's single write lock needs nothing.</summary>
    public abstract string SkipLocked { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>For the few members the store interface keeps synchronous (streams handed to callers).</summary>
    public abstract DbConnection Open();

    /// <summary>The stored form of a plain value: times, booleans, text as this database keeps them.</summary>
    public abstract object ToDb(object? value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>The typed value of <paramref name="field"/> from its stored form.</summary>
    public abstract object? FromDb(FieldDefinition field, object dbValue);

    public abstract ExportSqlBuilderBase CreateExportSqlBuilder(ExportQuery query);

    /// <summary>Streams a query's rows without holding them all: a plain reader steps through them one by one.</summary>
    public virtual async IAsyncEnumerable<T> StreamAsync<T>(
        RelationalConnection db, string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = db.Command(sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return read(reader);
        }
    }

    /// <summary>A predicate that <paramref name="column"/> is one of the values bound by <see cref="BindList"/>
    /// to <paramref name="parameter"/>: one parameter, whatever the list's length, and no SQL built from values.</summary>
    public abstract string InList(string column, string parameter);

    public abstract object BindList(IReadOnlyCollection<long> values);

    /// <summary>
    /// Begins a transaction that writes, serialized against every other writer of the same
    /// <paramref name="serializeOn"/> (when given) until it ends, on every node sharing the database.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, string? serializeOn, CancellationToken cancellationToken);

    /// <summary>Begins a read-only transaction whose statements all see one snapshot.</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Streams <paramref name="content"/> into the blob column of an existing row, in the open transaction,
    /// without holding it in memory.</summary>
    public abstract Task WriteBlobAsync(RelationalConnection db, string table, string column, long id, Stream content, long length, CancellationToken cancellationToken);

    /// <summary>A read-only, seekable stream of a row's blob that owns <paramref name="connection"/>; null (having
    /// disposed the connection) when there is no such row or its blob is NULL.</summary>
    public abstract Stream? OpenBlob(DbConnection connection, string table, string column, long id);

    /// <summary>The column type a field's values are stored in.</summary>
    public abstract string ColumnType(FieldType type);

    /// <summary>True for the columns that hold text (compared case-insensitively).</summary>
    public bool IsText(FieldDefinition field) => field.Type is not (FieldType.Date or FieldType.DateTime) && ColumnType(field.Type) == ColumnType(FieldType.Text);

    /// <summary>The collation clause of a text column (SQLite's NOCASE), or nothing.</summary>
    public abstract string TextCollation { get; }

    /// <summary>A computed column of <paramref name="type"/>: SQLite's VIRTUAL, PostgreSQL's STORED (its only kind).</summary>
    public abstract string GeneratedColumn(string type, string expression);

    /// <summary>The expression an index on the field covers, and a lookup by it compares.</summary>
    public abstract string Indexed(FieldDefinition field);

    /// <summary>A query of a number that moves whenever a custom field is added or removed, by any process.</summary>
    public abstract string CatalogVersionSql { get; }

    /// <summary>The statement that moves <see cref="CatalogVersionSql"/> in a field change's transaction; null when
    /// the database moves it by itself.</summary>
    public abstract string? BumpCatalogVersionSql { get; }

    /// <summary>The order custom fields are listed in: the order they were added.</summary>
    public abstract string CustomFieldOrder { get; }

    /// <summary>Begins the migration transaction under the schema's migration lock (creating what holds the
    /// version, if need be) and returns the version the schema is at.</summary>
    public abstract Task<int> BeginMigrationAsync(RelationalConnection db, CancellationToken cancellationToken);

    public abstract Task SetSchemaVersionAsync(RelationalConnection db, int version, CancellationToken cancellationToken);

    /// <summary>Quotes an identifier from our own schema (field API names are [A-Za-z0-9_]); both databases use double quotes.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
