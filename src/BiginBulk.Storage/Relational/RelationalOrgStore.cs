using System.Data.Common;

namespace BiginBulk.Storage.Relational;

/// <summary>
/// One org's store on a relational database: the SQL and the flow of every concern, written once, split by
/// concern into partial files. A dialect store (SQLite, PostgreSQL) supplies only its <see cref="SqlDialect"/>
/// and what is genuinely its own. Modelled on Wolverine's <c>MessageDatabase&lt;T&gt;</c>.
/// </summary>
public abstract partial class RelationalOrgStore : IOrgStore
{
    private readonly Lock _schemaGate = new();
    private Task? _schema;

    protected RelationalOrgStore(long orgId, SqlDialect dialect, TimeProvider time)
    {
        OrgId = orgId;
        Dialect = dialect;
        Clock = time;
    }

    public long OrgId { get; }

    protected SqlDialect Dialect { get; }

    /// <summary>Where the store reads the time it stamps on its own (queued callbacks, added fields).</summary>
    protected internal TimeProvider Clock { get; }

    /// <summary>The org schema's numbered steps, applied once each by <see cref="SchemaMigrator"/>: the dialect
    /// assembly's <c>Schema/org_*.sql</c> files, with the record tables generated from the module catalog.</summary>
    private IReadOnlyList<string> SchemaSteps() => SchemaScripts.Load(GetType().Assembly, "org", new Dictionary<string, Func<string>>
    {
        ["record-tables"] = () => RecordTables.CreateAll(Dialect),
        ["all-views"] = RecordTables.CreateAllViews,
    });

    protected async Task<RelationalConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return new(await Dialect.OpenAsync(cancellationToken), Dialect);
    }

    /// <summary>
    /// For the members the store interface keeps synchronous (streams and results handed to a caller). The
    /// server only calls them after an async member of the same store (the job or file is read first), which
    /// migrated the schema; on SQLite, whose driver is synchronous, the migration completes right here anyway.
    /// </summary>
    protected DbConnection OpenSynchronously() => SchemaTask().IsCompletedSuccessfully
        ? Dialect.Open()
        : throw new InvalidOperationException($"The store of org {OrgId} was used synchronously before its schema was migrated: await one of its async members first.");

    /// <summary>
    /// Migrates the org's schema once per store, on first use and awaited, never in a constructor. A failed
    /// attempt (the database briefly unreachable) is forgotten, so the next use tries again.
    /// </summary>
    protected Task EnsureSchemaAsync(CancellationToken cancellationToken) => SchemaTask().WaitAsync(cancellationToken);

    private Task SchemaTask()
    {
        lock (_schemaGate)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = SchemaMigrator.MigrateAsync(Dialect, SchemaSteps(), CancellationToken.None);
            }

            return _schema;
        }
    }
}
