using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Relational;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// One org's data in its own file, <c>{DataDirectory}/orgs/{org_id}.db</c>: a separate database per
/// tenant, so no query can reach another org's rows. Every flow is <see cref="RelationalOrgStore"/>'s; this
/// names the file, the schema steps (<c>Schema/org_*.sql</c>) and the write chunk.
/// </summary>
public sealed class SqliteOrgStore : RelationalOrgStore
{
    public SqliteOrgStore(string dataDirectory, long orgId, TimeProvider time)
        : base(orgId, new SqliteDialect(ConnectionString(dataDirectory, orgId)), time)
    {
    }

    private static string ConnectionString(string dataDirectory, long orgId)
    {
        var directory = Path.Combine(dataDirectory, "orgs");
        Directory.CreateDirectory(directory);
        return SqliteConnections.ConnectionString(Path.Combine(directory, $"{orgId}.db"));
    }

    protected override RelationalWriteChunk CreateWriteChunk(RelationalConnection db, long jobId, JobLease lease) =>
        new SqliteWriteChunk(this, db, jobId, lease);
}
