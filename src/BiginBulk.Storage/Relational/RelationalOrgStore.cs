using System.Data.Common;

namespace BiginBulk.Storage.Relational;

/// <summary>
/// One org's store on a relational database: the SQL and the flow of every concern, written once, split by
/// concern into partial files. A dialect store (SQLite, PostgreSQL) supplies only its <see cref="SqlDialect"/>
/// and what is genuinely its own. Modelled on Wolverine's <c>MessageDatabase&lt;T&gt;</c>.
/// </summary>
public abstract partial class RelationalOrgStore
{
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

    protected async Task<RelationalConnection> OpenAsync(CancellationToken cancellationToken) =>
        new(await Dialect.OpenAsync(cancellationToken), Dialect);

    /// <summary>For the members the store interface keeps synchronous: streams and results handed to a caller.</summary>
    protected DbConnection OpenSynchronously() => Dialect.Open();
}
