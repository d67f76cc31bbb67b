using BiginBulk.Core.BulkWrite;

namespace BiginBulk.Storage.Jobs;

/// <summary>The org's bulk write jobs: created by the endpoint, run chunk by chunk by the worker, their result lines read back for the download.</summary>
public interface IWriteJobStore
{
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
}
