using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Files;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Records;
using BiginBulk.Storage.Views;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Callbacks;

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

    /// <summary>
    /// Creates the job only while the org has fewer than <paramref name="maxUnfinishedJobs"/> unfinished jobs,
    /// write and read together, counted and inserted under one lock so concurrent creates cannot pass the cap.
    /// False, creating nothing, at the cap.
    /// </summary>
    Task<bool> TryCreateWriteJobAsync(BulkWriteJobDefinition definition, int maxUnfinishedJobs, CancellationToken cancellationToken = default);

    Task<WriteJob?> GetWriteJobAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>Ids of jobs that are ADDED or IN PROGRESS, oldest first.</summary>
    Task<IReadOnlyList<long>> ListUnfinishedWriteJobsAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks a job IN PROGRESS (or FAILED/COMPLETED) without touching rows.</summary>
    Task SetWriteProgressAsync(long jobId, BulkWriteProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Starts a chunk of a job this worker holds; its commit renews the lease, or fails with
    /// <see cref="LeaseLostException"/> when another worker took the job over.</summary>
    Task<IWriteChunk> BeginWriteChunkAsync(long jobId, JobLease lease, CancellationToken cancellationToken = default);

    IEnumerable<WriteResultRow> ReadWriteResults(long jobId);

    Task<RecordPage> ListRecordsAsync(ModuleDefinition module, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The display value (e.g. Account_Name) of each of the given records that exists.</summary>
    Task<IReadOnlyDictionary<long, string?>> GetDisplayValuesAsync(ModuleDefinition module, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, object?>?> GetRecordAsync(ModuleDefinition module, long id, CancellationToken cancellationToken = default);

    Task CreateReadJobAsync(BulkReadJobDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="TryCreateWriteJobAsync"/>, for a read job.</summary>
    Task<bool> TryCreateReadJobAsync(BulkReadJobDefinition definition, int maxUnfinishedJobs, CancellationToken cancellationToken = default);

    Task<ReadJob?> GetReadJobAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>Ids of read jobs that are not finished, oldest first.</summary>
    Task<IReadOnlyList<long>> ListUnfinishedReadJobsAsync(CancellationToken cancellationToken = default);

    Task SetReadProgressAsync(long jobId, ReadProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Stores a read job's result zip and marks it COMPLETED, in one transaction.</summary>
    Task CompleteReadJobAsync(long jobId, Stream resultZip, ReadProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Streams a completed read job's result zip, or null when it has none.</summary>
    Stream? OpenReadResult(long jobId);

    /// <summary>Copies the org's users into the org's store, for dot fields such as <c>Owner.last_name</c>.</summary>
    Task SyncUsersAsync(IReadOnlyList<User> users, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the records a bulk read exports; each row holds the typed values of the query's columns
    /// followed by the record id. Also says whether more records match past the page.
    /// </summary>
    IAsyncEnumerable<object?[]> ExportAsync(ExportQuery query, CancellationToken cancellationToken = default);

    /// <summary>True when at least one record matching the query lies past <c>Offset + Limit</c>.</summary>
    Task<bool> HasRecordsBeyondAsync(ExportQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CustomView>> ListCustomViewsAsync(string module, CancellationToken cancellationToken = default);

    Task<CustomView?> GetCustomViewAsync(long id, CancellationToken cancellationToken = default);

    Task CreateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default);

    /// <summary>Replaces a view's name and criteria; false when no such non-system view exists.</summary>
    Task<bool> UpdateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default);

    /// <summary>Deletes a view; false when no such non-system view exists (system views are never deleted).</summary>
    Task<bool> DeleteCustomViewAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The org's modules: the standard ones with the org's custom fields.</summary>
    Task<ModuleCatalog> GetCatalogAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a custom field as a real column of the module's record table.</summary>
    Task AddCustomFieldAsync(CustomField field, CancellationToken cancellationToken = default);

    /// <summary>Drops a custom field's column; every other field of every record is kept. False when there is no such custom field.</summary>
    Task<bool> RemoveCustomFieldAsync(string module, string apiName, CancellationToken cancellationToken = default);

    /// <summary>Spends <paramref name="cost"/> API credits at <paramref name="time"/> if the credits spent since
    /// <paramref name="windowStart"/> leave room under <paramref name="limit"/>; returns the credits spent in the window
    /// (including this spend when it was made) and whether it was made.</summary>
    Task<(bool Spent, int Used)> TrySpendCreditsAsync(int cost, int limit, DateTimeOffset windowStart, DateTimeOffset time, CancellationToken cancellationToken = default);

    /// <summary>Claims the oldest unfinished job of the kind whose lease is free or expired (or already ours);
    /// null when there is none. Finishing a job through this store clears its lease.</summary>
    Task<long?> ClaimNextJobAsync(JobKind kind, JobLease lease, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease this worker holds; false when the job is no longer ours.</summary>
    Task<bool> RenewJobLeaseAsync(JobKind kind, long jobId, JobLease lease, CancellationToken cancellationToken = default);

    /// <summary>Gives up every lease whose owner starts with <paramref name="ownerPrefix"/> (a stopping node's own,
    /// or a restarted node's dead predecessor's), so the jobs can be claimed again at once.</summary>
    Task ReleaseJobLeasesAsync(string ownerPrefix, CancellationToken cancellationToken = default);

    /// <summary>Claims the next callback due for delivery (its lease keeps other workers off it while it is sent).</summary>
    Task<CallbackDelivery?> ClaimDueCallbackAsync(JobLease lease, CancellationToken cancellationToken = default);

    /// <summary>Records an attempt; with <paramref name="nextAttemptTime"/> the callback waits for another try,
    /// without it the callback ends as delivered or failed.</summary>
    Task RecordCallbackAttemptAsync(long deliveryId, CallbackAttempt attempt, DateTimeOffset? nextAttemptTime, CancellationToken cancellationToken = default);

    /// <summary>A job's callback and its attempts; null when the job has no callback (or none queued yet).</summary>
    Task<CallbackStatus?> GetCallbackStatusAsync(long jobId, CancellationToken cancellationToken = default);
}
