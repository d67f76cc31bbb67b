using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Relational;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// One org's data in its own schema, <c>org_{id}</c>, reached through a pool whose search_path is that schema
/// alone: tenants apart by construction, as SQLite's file per org. Every flow is <see cref="RelationalOrgStore"/>'s;
/// this names the schema, its steps (<c>Schema/org_*.sql</c>) and the write chunk.
/// </summary>
public sealed class PostgreSqlOrgStore : RelationalOrgStore
{
    public PostgreSqlOrgStore(string connectionString, long orgId, TimeProvider time)
        : base(orgId, PostgreSqlDialect.Create(connectionString, PostgreSqlDataSources.OrgSchema(orgId)), time)
    {
    }

    protected override RelationalWriteChunk CreateWriteChunk(RelationalConnection db, long jobId, JobLease lease) =>
        new PostgreSqlWriteChunk(this, db, jobId, lease);
}
