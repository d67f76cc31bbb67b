using BiginBulk.Core.Modules;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// One org's data in its own file, <c>{DataDirectory}/orgs/{org_id}.db</c>: a separate database per
/// tenant, so no query can reach another org's rows. Split by concern into partial files.
/// </summary>
public sealed partial class SqliteOrgStore : RelationalOrgStore, IOrgStore
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

    protected override IReadOnlyList<string> SchemaSteps() => SchemaScripts.Load(typeof(SqliteOrgStore).Assembly, "org", new Dictionary<string, Func<string>>
    {
        ["record-tables"] = () => RecordTables.CreateAll(Dialect),
        ["all-views"] = RecordTables.CreateAllViews,
    });

    protected override RelationalWriteChunk CreateWriteChunk(RelationalConnection db, long jobId, JobLease lease) =>
        new SqliteWriteChunk(this, db, jobId, lease);

    private SqliteConnection Open() => (SqliteConnection)OpenSynchronously();
}
