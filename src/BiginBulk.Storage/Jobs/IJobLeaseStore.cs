namespace BiginBulk.Storage.Jobs;

/// <summary>The leases by which one worker, of any node, at a time runs each job of the org.</summary>
public interface IJobLeaseStore
{
    /// <summary>Claims the oldest unfinished job of the kind whose lease is free or expired (or already ours);
    /// null when there is none. Finishing a job through this store clears its lease.</summary>
    Task<long?> ClaimNextJobAsync(JobKind kind, JobLease lease, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease this worker holds; false when the job is no longer ours.</summary>
    Task<bool> RenewJobLeaseAsync(JobKind kind, long jobId, JobLease lease, CancellationToken cancellationToken = default);

    /// <summary>Gives up every lease whose owner starts with <paramref name="ownerPrefix"/> (a stopping node's own,
    /// or a restarted node's dead predecessor's), so the jobs can be claimed again at once.</summary>
    Task ReleaseJobLeasesAsync(string ownerPrefix, CancellationToken cancellationToken = default);
}
