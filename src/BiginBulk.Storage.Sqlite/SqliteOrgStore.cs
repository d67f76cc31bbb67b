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
        using var connection = Open();
        SqliteMigrator.Migrate(connection, Migrations);
    }

    private static string ConnectionString(string dataDirectory, long orgId)
    {
        var directory = Path.Combine(dataDirectory, "orgs");
        Directory.CreateDirectory(directory);
        return SqliteConnections.ConnectionString(Path.Combine(directory, $"{orgId}.db"));
    }

    private static Action<SqliteConnection>[] Migrations =>
    [
        c => c.Execute("""
            CREATE TABLE files (
                id INTEGER PRIMARY KEY, zip_name TEXT NOT NULL, csv_name TEXT NOT NULL, size INTEGER NOT NULL,
                created_by INTEGER NOT NULL, created_time TEXT NOT NULL, content BLOB NOT NULL);
            CREATE TABLE write_jobs (
                id INTEGER PRIMARY KEY, definition TEXT NOT NULL, status TEXT NOT NULL, character_encoding TEXT,
                checkpoint_row INTEGER NOT NULL DEFAULT 0, added_count INTEGER NOT NULL DEFAULT 0,
                updated_count INTEGER NOT NULL DEFAULT 0, skipped_count INTEGER NOT NULL DEFAULT 0,
                failure_message TEXT, completed_time TEXT);
            CREATE INDEX ix_write_jobs_status ON write_jobs (status);
            CREATE TABLE write_results (
                job_id INTEGER NOT NULL, row_number INTEGER NOT NULL, status TEXT NOT NULL, record_id INTEGER,
                errors TEXT NOT NULL, echo TEXT NOT NULL, PRIMARY KEY (job_id, row_number)) WITHOUT ROWID;
            """),
        c =>
        {
            foreach (var module in StandardModules.All)
            {
                c.Execute(RecordTableSchema.CreateTableSql(module));
            }
        },
        c =>
        {
            c.Execute("""
                CREATE TABLE read_jobs (
                    id INTEGER PRIMARY KEY, definition TEXT NOT NULL, state TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
                    per_page INTEGER NOT NULL DEFAULT 0, more_records INTEGER NOT NULL DEFAULT 0, error_code TEXT, error_message TEXT,
                    completed_time TEXT, result BLOB);
                CREATE INDEX ix_read_jobs_state ON read_jobs (state);
                CREATE TABLE org_users (
                    id INTEGER PRIMARY KEY, first_name TEXT COLLATE NOCASE, last_name TEXT COLLATE NOCASE,
                    full_name TEXT COLLATE NOCASE, email TEXT COLLATE NOCASE);
                CREATE TABLE custom_views (
                    id INTEGER PRIMARY KEY, module TEXT NOT NULL, name TEXT NOT NULL, system_name TEXT, criteria TEXT,
                    system_defined INTEGER NOT NULL, created_time TEXT NOT NULL);
                """);
            foreach (var module in StandardModules.All)
            {
                // Every module has Bigin's "All …" view; its id is derived from the module's so it is stable.
                c.Execute(
                    "INSERT INTO custom_views (id, module, name, system_name, criteria, system_defined, created_time) VALUES ($id, $module, $name, 'ALLVIEWS', NULL, 1, $time)",
                    ("$id", module.Id + 85_000), ("$module", module.ApiName), ("$name", $"All {module.PluralLabel}"),
                    ("$time", SqliteValues.FormatTime(DateTimeOffset.UnixEpoch)));
            }
        },
        c => c.Execute("""
            CREATE TABLE custom_fields (
                module TEXT NOT NULL, api_name TEXT NOT NULL, definition TEXT NOT NULL, created_time TEXT NOT NULL,
                PRIMARY KEY (module, api_name));
            """),
        c => c.Execute("""
            CREATE TABLE credit_usage (time TEXT NOT NULL, cost INTEGER NOT NULL);
            CREATE INDEX ix_credit_usage_time ON credit_usage (time);
            """),
        c => c.Execute("""
            ALTER TABLE write_jobs ADD COLUMN lease_owner TEXT;
            ALTER TABLE write_jobs ADD COLUMN lease_expires TEXT;
            ALTER TABLE read_jobs ADD COLUMN lease_owner TEXT;
            ALTER TABLE read_jobs ADD COLUMN lease_expires TEXT;
            CREATE TABLE callback_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL UNIQUE, kind TEXT NOT NULL, url TEXT NOT NULL,
                state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_time TEXT,
                lease_owner TEXT, lease_expires TEXT, created_time TEXT NOT NULL);
            CREATE INDEX ix_callback_outbox_due ON callback_outbox (state, next_attempt_time);
            CREATE TABLE callback_attempts (
                delivery_id INTEGER NOT NULL, number INTEGER NOT NULL, time TEXT NOT NULL, http_status INTEGER,
                error TEXT, duration_ms INTEGER NOT NULL, PRIMARY KEY (delivery_id, number)) WITHOUT ROWID;
            """),
        // Full_Name is a generated column without a collation of its own; lookups by name compare it
        // case-insensitively, so its index must use NOCASE to be used by them.
        c => c.Execute("""
            DROP INDEX IF EXISTS "ix_Contacts_Full_Name";
            CREATE INDEX "ix_Contacts_Full_Name" ON "rec_Contacts" ("Full_Name" COLLATE NOCASE);
            """),
    ];

    protected override RelationalWriteChunk CreateWriteChunk(RelationalConnection db, long jobId, JobLease lease) =>
        new SqliteWriteChunk(this, db, jobId, lease);

    private SqliteConnection Open() => (SqliteConnection)Dialect.Open();
}
