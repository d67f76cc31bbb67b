using BiginBulk.Core.BulkWrite;
using BiginBulk.Server.Options;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Workers;

/// <summary>
/// Runs bulk jobs in the background: finds unfinished write and read jobs in every org (an IN PROGRESS job
/// found at start was interrupted by a crash and resumes from its checkpoint), and hands each to
/// <see cref="BulkWriteJobRunner"/>. Jobs run one at a time per node, oldest first.
/// </summary>
public sealed partial class BulkJobWorker(
    ISystemStore system,
    IOrgStoreProvider stores,
    BulkWriteJobRunner runner,
    BulkReadJobRunner readRunner,
    JobSignal signal,
    IOptions<BiginBulkOptions> options,
    ILogger<BulkJobWorker> logger) : BackgroundService
{
    private const int MaxAttempts = 3;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, int> _attempts = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ranAny = await RunPendingAsync(stoppingToken);
                if (!ranAny)
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

    private async Task<bool> RunPendingAsync(CancellationToken cancellationToken)
    {
        var ranAny = false;
        foreach (var org in await system.ListOrgsAsync(cancellationToken))
        {
            var store = stores.For(org.Id);
            foreach (var jobId in await store.ListUnfinishedWriteJobsAsync(cancellationToken))
            {
                await RunGuardedAsync(jobId, () => runner.RunAsync(store, jobId, cancellationToken),
                    reason => runner.MarkFailedAsync(store, jobId, reason, cancellationToken), cancellationToken);
                ranAny = true;
            }

            foreach (var jobId in await store.ListUnfinishedReadJobsAsync(cancellationToken))
            {
                await RunGuardedAsync(jobId, () => readRunner.RunAsync(store, jobId, cancellationToken),
                    reason => readRunner.MarkFailedAsync(store, jobId, reason, cancellationToken), cancellationToken);
                ranAny = true;
            }
        }

        return ranAny;
    }

    /// <summary>
    /// Runs one job; an unexpected error is retried on the next passes (it may be transient, such as a
    /// locked database), but after <see cref="MaxAttempts"/> in a row the job is failed with the reason, so
    /// one broken job can never hold up the jobs behind it.
    /// </summary>
    private async Task RunGuardedAsync(long jobId, Func<Task> run, Func<string, Task> fail, CancellationToken cancellationToken)
    {
        try
        {
            await run();
            _attempts.TryRemove(jobId, out _);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = _attempts.AddOrUpdate(jobId, 1, (_, n) => n + 1);
            LogJobAttemptFailed(logger, jobId, attempts, ex);
            if (attempts >= MaxAttempts)
            {
                _attempts.TryRemove(jobId, out _);
                await fail($"The job could not be processed: {ex.Message}");
            }
        }
    }

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "Job {JobId} failed unexpectedly (attempt {Attempt})")]
    private static partial void LogJobAttemptFailed(ILogger logger, long jobId, int attempt, Exception exception);

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "The bulk write worker loop failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
