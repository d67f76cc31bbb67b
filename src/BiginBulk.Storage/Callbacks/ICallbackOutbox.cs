using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Callbacks;

/// <summary>The org's outbox of job callbacks: queued in the transaction that finishes a job, delivered by the callback worker.</summary>
public interface ICallbackOutbox
{
    /// <summary>Claims the next callback due for delivery (its lease keeps other workers off it while it is sent).</summary>
    Task<CallbackDelivery?> ClaimDueCallbackAsync(JobLease lease, CancellationToken cancellationToken = default);

    /// <summary>Records an attempt; with <paramref name="nextAttemptTime"/> the callback waits for another try,
    /// without it the callback ends as delivered or failed.</summary>
    Task RecordCallbackAttemptAsync(long deliveryId, CallbackAttempt attempt, DateTimeOffset? nextAttemptTime, CancellationToken cancellationToken = default);

    /// <summary>A job's callback and its attempts; null when the job has no callback (or none queued yet).</summary>
    Task<CallbackStatus?> GetCallbackStatusAsync(long jobId, CancellationToken cancellationToken = default);
}
