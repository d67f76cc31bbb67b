using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Relational;
using Npgsql;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// One org's data in its own schema, <c>org_{id}</c>, reached through a pool whose search_path is that schema
/// alone: tenants apart by construction, as SQLite's file per org. Split by concern into partial files.
/// </summary>
public sealed partial class PostgreSqlOrgStore : RelationalOrgStore, IOrgStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlOrgStore(string connectionString, long orgId, TimeProvider time)
        : this(PostgreSqlDataSources.OrgSchema(orgId), connectionString, orgId, time)
    {
    }

    private PostgreSqlOrgStore(string schema, string connectionString, long orgId, TimeProvider time)
        : this(schema, PostgreSqlDataSources.Create(connectionString, schema), orgId, time)
    {
    }

    private PostgreSqlOrgStore(string schema, NpgsqlDataSource dataSource, long orgId, TimeProvider time)
        : base(orgId, new PostgreSqlDialect(dataSource, schema), time) => _dataSource = dataSource;

    protected override IReadOnlyList<string> SchemaSteps() => SchemaScripts.Load(typeof(PostgreSqlOrgStore).Assembly, "org", new Dictionary<string, Func<string>>
    {
        ["record-tables"] = () => RecordTables.CreateAll(Dialect),
        ["all-views"] = RecordTables.CreateAllViews,
    });

    protected override RelationalWriteChunk CreateWriteChunk(RelationalConnection db, long jobId, JobLease lease) =>
        new PostgreSqlWriteChunk(this, db, jobId, lease);

    private async ValueTask<NpgsqlConnection> OpenNpgsqlAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }
}
