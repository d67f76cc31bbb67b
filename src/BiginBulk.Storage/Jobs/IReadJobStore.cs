using BiginBulk.Core.BulkRead;

namespace BiginBulk.Storage.Jobs;

/// <summary>The org's bulk read jobs: created by the endpoint, completed by the worker with their result zip, which the download streams.</summary>
public interface IReadJobStore
{
    Task CreateReadJobAsync(BulkReadJobDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="IWriteJobStore.TryCreateWriteJobAsync"/>, for a read job.</summary>
    Task<bool> TryCreateReadJobAsync(BulkReadJobDefinition definition, int maxUnfinishedJobs, CancellationToken cancellationToken = default);

    Task<ReadJob?> GetReadJobAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>Ids of read jobs that are not finished, oldest first.</summary>
    Task<IReadOnlyList<long>> ListUnfinishedReadJobsAsync(CancellationToken cancellationToken = default);

    Task SetReadProgressAsync(long jobId, ReadProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Stores a read job's result zip and marks it COMPLETED, in one transaction.</summary>
    Task CompleteReadJobAsync(long jobId, Stream resultZip, ReadProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Streams a completed read job's result zip, or null when it has none.</summary>
    Stream? OpenReadResult(long jobId);
}
