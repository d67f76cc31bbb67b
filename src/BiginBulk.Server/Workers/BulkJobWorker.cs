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
                await runner.RunAsync(store, jobId, cancellationToken);
                ranAny = true;
            }

            foreach (var jobId in await store.ListUnfinishedReadJobsAsync(cancellationToken))
            {
                await readRunner.RunAsync(store, jobId, cancellationToken);
                ranAny = true;
            }
        }

        return ranAny;
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "The bulk write worker loop failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
