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
    private readonly string _schema;

    public PostgreSqlOrgStore(string connectionString, long orgId, TimeProvider time)
        : this(PostgreSqlDataSources.OrgSchema(orgId), connectionString, orgId, time)
    {
    }

    private PostgreSqlOrgStore(string schema, string connectionString, long orgId, TimeProvider time)
        : this(schema, PostgreSqlDataSources.Create(connectionString, schema), orgId, time)
    {
    }

    private PostgreSqlOrgStore(string schema, NpgsqlDataSource dataSource, long orgId, TimeProvider time)
        : base(orgId, new PostgreSqlDialect(dataSource, schema), time)
    {
        _schema = schema;
        _dataSource = dataSource;
        // Runs once per org and process, before the store is handed out; nothing async can await it here.
        PostgreSqlMigrator.MigrateAsync(_dataSource, _schema, PostgreSqlOrgMigrations.Steps).GetAwaiter().GetResult();
    }

    protected override RelationalWriteChunk CreateWriteChunk(RelationalConnection db, long jobId, JobLease lease) =>
        new PostgreSqlWriteChunk(this, db, jobId, lease);

    private NpgsqlConnection Open() => _dataSource.OpenConnection();

    private ValueTask<NpgsqlConnection> OpenNpgsqlAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);
}
