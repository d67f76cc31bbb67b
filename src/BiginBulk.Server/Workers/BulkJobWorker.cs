using BiginBulk.Server.Options;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Jobs;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Workers;

/// <summary>
/// Runs bulk jobs in the background on any node: claims the oldest unfinished write or read job of each org
/// under a lease (renewed as it works) and runs it. A job whose worker died is claimed again once its lease
/// expires and resumes from its checkpoint; a restarted node frees its dead predecessor's leases at once.
/// On shutdown (SIGTERM) the worker stops claiming, lets the current chunk roll back or commit, and releases
/// its leases so another node can continue straight away.
/// </summary>
internal sealed partial class BulkJobWorker(
    IOrgDirectory system,
    IOrgStoreProvider stores,
    BulkWriteJobRunner runner,
    BulkReadJobRunner readRunner,
    JobSignal signal,
    WorkerIdentity identity,
    TimeProvider time,
    IOptions<BiginBulkOptions> options,
    ILogger<BulkJobWorker> logger) : BackgroundService
{
    private readonly JobAttempts _attempts = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker.Enabled)
        {
            return;
        }

        await ReleaseLeasesAsync(identity.NodePrefix, CancellationToken.None);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!await RunPendingAsync(stoppingToken))
                    {
                        await signal.WaitAsync(options.Value.Worker.PollInterval, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // The worker must outlive any one failure; the failure is logged and retried.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogLoopFailed(logger, ex);
                    await Task.Delay(options.Value.Worker.PollInterval, stoppingToken);
                }
            }
        }
        finally
        {
            await ReleaseLeasesAsync(identity.Owner, CancellationToken.None);
        }
    }

    private JobLease NewLease() => new(identity.Owner, time.GetUtcNow(), options.Value.Worker.LeaseDuration);

    private async Task<bool> RunPendingAsync(CancellationToken cancellationToken)
    {
        var ranAny = false;
        foreach (var org in await system.ListOrgsAsync(cancellationToken))
        {
            var store = stores.For(org.Id);
            while (!cancellationToken.IsCancellationRequested && await store.ClaimNextJobAsync(JobKind.Write, NewLease(), cancellationToken) is { } jobId)
            {
                await RunGuardedAsync(jobId, () => runner.RunAsync(store, jobId, NewLease, cancellationToken),
                    reason => runner.MarkFailedAsync(store, jobId, reason, cancellationToken), cancellationToken);
                ranAny = true;
            }

            while (!cancellationToken.IsCancellationRequested && await store.ClaimNextJobAsync(JobKind.Read, NewLease(), cancellationToken) is { } jobId)
            {
                await RunGuardedAsync(jobId, () => readRunner.RunAsync(store, jobId, NewLease, cancellationToken),
                    reason => readRunner.MarkFailedAsync(store, jobId, reason, cancellationToken), cancellationToken);
                ranAny = true;
            }
        }

        return ranAny;
    }

    /// <summary>
    /// Runs one job. A transient error is retried on the next passes and fails the job only after
    /// <see cref="JobAttempts.MaxAttempts"/> runs in a row; any other error fails it at once with the reason
    /// (<see cref="JobAttempts"/>), so one broken job never holds up the jobs behind it. A lost lease is not an
    /// error: another worker has the job.
    /// </summary>
    private async Task RunGuardedAsync(long jobId, Func<Task> run, Func<string, Task> fail, CancellationToken cancellationToken)
    {
        try
        {
            await run();
            _attempts.Succeeded(jobId);
        }
        catch (LeaseLostException ex)
        {
            LogLeaseLost(logger, jobId, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (_attempts.Failed(jobId, ex, out var attempt) is { } reason)
            {
                LogJobFailed(logger, jobId, attempt, ex);
                await fail(reason);
            }
            else
            {
                LogJobAttemptFailed(logger, jobId, attempt, ex);
            }
        }
    }

    private async Task ReleaseLeasesAsync(string ownerPrefix, CancellationToken cancellationToken)
    {
        foreach (var org in await system.ListOrgsAsync(cancellationToken))
        {
            await stores.For(org.Id).ReleaseJobLeasesAsync(ownerPrefix, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "The bulk job worker loop failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Job {JobId} failed transiently (attempt {Attempt}); it will be tried again")]
    private static partial void LogJobAttemptFailed(ILogger logger, long jobId, int attempt, Exception exception);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Job {JobId} failed (attempt {Attempt}) and is marked failed")]
    private static partial void LogJobFailed(ILogger logger, long jobId, int attempt, Exception exception);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Job {JobId} was taken over by another worker: {Reason}")]
    private static partial void LogLeaseLost(ILogger logger, long jobId, string reason);
}
