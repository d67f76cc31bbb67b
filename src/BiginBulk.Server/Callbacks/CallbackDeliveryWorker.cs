using System.Text.Json.Nodes;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Server.Options;
using BiginBulk.Server.Workers;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Callbacks;
using BiginBulk.Storage.Jobs;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Callbacks;

/// <summary>
/// Delivers queued callbacks from every org's outbox. A job's callback is queued in the transaction that
/// finishes the job, so it survives restarts; each attempt is recorded; a failed one is retried with a
/// growing delay until <c>BiginBulk:Callbacks:MaxAttempts</c> are used. The body is the job's details as
/// of delivery, in the shape of the route family the job was created on: a write job's object; a read job's
/// Bigin callback object (<c>job_id</c>, <c>operation</c>, <c>state</c>, <c>query</c>, <c>result</c>) on Bigin
/// routes, its CRM job details (<c>{"data":[…]}</c>) on CRM routes.
/// </summary>
internal sealed partial class CallbackDeliveryWorker(
    IOrgDirectory system,
    IOrgStoreProvider stores,
    CallbackSender sender,
    PublicUrls urls,
    WorkerIdentity identity,
    TimeProvider time,
    IOptions<BiginBulkOptions> options,
    ILogger<CallbackDeliveryWorker> logger) : BackgroundService
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
                if (!await DeliverDueAsync(stoppingToken))
                {
                    await Task.Delay(options.Value.Callbacks.PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Delivery must outlive any one failure; it is logged and tried again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(options.Value.Callbacks.PollInterval, time, stoppingToken);
            }
        }
    }

    private async Task<bool> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var delivered = false;
        foreach (var org in await system.ListOrgsAsync(cancellationToken))
        {
            var store = stores.For(org.Id);
            var lease = new JobLease(identity.Owner, time.GetUtcNow(), options.Value.Callbacks.Timeout * 3);
            while (await store.ClaimDueCallbackAsync(lease, cancellationToken) is { } delivery)
            {
                await DeliverAsync(store, delivery, cancellationToken);
                delivered = true;
                lease = lease with { Now = time.GetUtcNow() };
            }
        }

        return delivered;
    }

    private async Task DeliverAsync(IOrgStore store, CallbackDelivery delivery, CancellationToken cancellationToken)
    {
        var body = await RenderAsync(store, delivery, cancellationToken);
        var attemptTime = time.GetUtcNow();
        var (status, error, duration) = body is null
            ? (null, "the job no longer exists", TimeSpan.Zero)
            : await sender.SendAsync(delivery.Url, body, cancellationToken);
        var attempt = new CallbackAttempt(delivery.Attempts + 1, attemptTime, status, error, (int)duration.TotalMilliseconds);
        var settings = options.Value.Callbacks;
        DateTimeOffset? next = attempt.Delivered || attempt.Number >= settings.MaxAttempts || body is null
            ? null
            : time.GetUtcNow() + settings.DelayAfter(attempt.Number);
        await store.RecordCallbackAttemptAsync(delivery.Id, attempt, next, cancellationToken);
        LogAttempt(logger, delivery.JobId, attempt.Number, status, error);
    }

    private async Task<JsonNode?> RenderAsync(IOrgStore store, CallbackDelivery delivery, CancellationToken cancellationToken)
    {
        var id = ZohoIds.Format(delivery.JobId);
        if (delivery.Kind == JobKind.Write)
        {
            var job = await store.GetWriteJobAsync(delivery.JobId, cancellationToken);
            return job is null
                ? null
                : BulkWriteJobJson.Render(job, ApiFamily.FromRouteName(job.Definition.Route), $"{urls.BaseUrl()}/v2/bigin/{ZohoIds.Format(store.OrgId)}/bulk-write/{id}/{id}.zip");
        }

        var read = await store.GetReadJobAsync(delivery.JobId, cancellationToken);
        return read is null ? null : BulkReadJobJson.RenderCallback(read);
    }

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Callback of job {JobId}, attempt {Attempt}: HTTP {Status} {Error}")]
    private static partial void LogAttempt(ILogger logger, long jobId, int attempt, int? status, string? error);

    [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "The callback delivery loop failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
