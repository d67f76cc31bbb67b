using BiginBulk.Storage.Tests.Compliance;

namespace BiginBulk.Storage.Tests.PostgreSql;

// The compliance suite on PostgreSQL: one line per concern, each class over a fresh database (see PostgreSqlStoreEngine).
public sealed class PostgreSqlSystemStoreCompliance(PostgreSqlStoreEngine engine) : SystemStoreCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlFileStoreCompliance(PostgreSqlStoreEngine engine) : FileStoreCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlWriteJobCompliance(PostgreSqlStoreEngine engine) : WriteJobCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlRecordSessionCompliance(PostgreSqlStoreEngine engine) : RecordSessionCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;
public sealed class PostgreSqlWriteChunkCompliance(PostgreSqlStoreEngine engine) : WriteChunkCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlRecordReadCompliance(PostgreSqlStoreEngine engine) : RecordReadCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlReadJobCompliance(PostgreSqlStoreEngine engine) : ReadJobCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlExportCompliance(PostgreSqlStoreEngine engine) : ExportCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlCustomFieldCompliance(PostgreSqlStoreEngine engine) : CustomFieldCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlCustomViewCompliance(PostgreSqlStoreEngine engine) : CustomViewCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlCreditCompliance(PostgreSqlStoreEngine engine) : CreditCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;

public sealed class PostgreSqlLeaseCompliance(PostgreSqlStoreEngine engine) : LeaseCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;
