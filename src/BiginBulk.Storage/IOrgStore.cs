using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Files;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage;

/// <summary>
/// Everything that belongs to one org: uploaded files, jobs, results and records. An instance can only
/// ever reach its own org's data, which is how tenants stay apart by construction.
/// </summary>
public interface IOrgStore
{
    long OrgId { get; }

    Task SaveFileAsync(UploadedFile file, Stream zipContent, CancellationToken cancellationToken = default);

    Task<UploadedFile?> GetFileAsync(long fileId, CancellationToken cancellationToken = default);

    /// <summary>Streams a stored zip without loading it into memory.</summary>
    Stream OpenFileContent(long fileId);

    Task CreateWriteJobAsync(BulkWriteJobDefinition definition, CancellationToken cancellationToken = default);

    Task<WriteJob?> GetWriteJobAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>Ids of jobs that are ADDED or IN PROGRESS, oldest first.</summary>
    Task<IReadOnlyList<long>> ListUnfinishedWriteJobsAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks a job IN PROGRESS (or FAILED/COMPLETED) without touching rows.</summary>
    Task SetWriteProgressAsync(long jobId, BulkWriteProgress progress, CancellationToken cancellationToken = default);

    IWriteChunk BeginWriteChunk(long jobId);

    IEnumerable<WriteResultRow> ReadWriteResults(long jobId);

    Task<RecordPage> ListRecordsAsync(ModuleDefinition module, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The display value (e.g. Account_Name) of each of the given records that exists.</summary>
    Task<IReadOnlyDictionary<long, string?>> GetDisplayValuesAsync(ModuleDefinition module, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, object?>?> GetRecordAsync(ModuleDefinition module, long id, CancellationToken cancellationToken = default);
}
