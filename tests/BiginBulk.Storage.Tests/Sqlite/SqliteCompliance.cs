using BiginBulk.Storage.Tests.Compliance;

namespace BiginBulk.Storage.Tests.Sqlite;

// The compliance suite on SQLite: one line per concern, each class over a fresh temp data directory.
public sealed class SqliteSystemStoreCompliance(SqliteStoreEngine engine) : SystemStoreCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteFileStoreCompliance(SqliteStoreEngine engine) : FileStoreCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteWriteJobCompliance(SqliteStoreEngine engine) : WriteJobCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteRecordSessionCompliance(SqliteStoreEngine engine) : RecordSessionCompliance(engine), IClassFixture<SqliteStoreEngine>;
public sealed class SqliteWriteChunkCompliance(SqliteStoreEngine engine) : WriteChunkCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteRecordReadCompliance(SqliteStoreEngine engine) : RecordReadCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteReadJobCompliance(SqliteStoreEngine engine) : ReadJobCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteExportCompliance(SqliteStoreEngine engine) : ExportCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteCustomFieldCompliance(SqliteStoreEngine engine) : CustomFieldCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteCustomViewCompliance(SqliteStoreEngine engine) : CustomViewCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteCreditCompliance(SqliteStoreEngine engine) : CreditCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class SqliteLeaseCompliance(SqliteStoreEngine engine) : LeaseCompliance(engine), IClassFixture<SqliteStoreEngine>;
