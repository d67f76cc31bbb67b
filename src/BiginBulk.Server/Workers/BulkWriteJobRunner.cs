using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Csv;
using BiginBulk.Core.Ids;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;
using BiginBulk.Server.Files;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Server.Options;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Jobs;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Workers;

/// <summary>
/// Runs one bulk write job to the end: streams rows from the stored zip, applies them in chunks, each chunk
/// committed together with its result rows and checkpoint, then marks the job COMPLETED and fires the
/// callback. On restart the rows up to the checkpoint are skipped, so every row is applied exactly once.
/// A job FAILS only for job-level causes (its file cannot be read); bad rows are row outcomes.
/// </summary>
public sealed partial class BulkWriteJobRunner(
    ISystemStore system,
    IdGenerator ids,
    TimeProvider time,
    IOptions<BiginBulkOptions> options,
    ILogger<BulkWriteJobRunner> logger)
{
    public async Task RunAsync(IOrgStore store, long jobId, Func<JobLease> lease, CancellationToken cancellationToken)
    {
        var job = await store.GetWriteJobAsync(jobId, cancellationToken);
        if (job is null || BulkWriteStatus.IsFinished(job.Progress.Status))
        {
            return;
        }

        BulkWriteProgress progress;
        try
        {
            progress = await ProcessRowsAsync(store, job, lease, cancellationToken);
        }
        catch (UploadedCsvException ex)
        {
            LogJobFailed(logger, jobId, ex.Message);
            progress = job.Progress with { Status = BulkWriteStatus.Failed, FailureMessage = ex.Message, CompletedTime = time.GetUtcNow() };
        }

        if (progress.Status == BulkWriteStatus.Failed)
        {
            // A completed job was finished (and its callback queued) by its last chunk's commit.
            await store.SetWriteProgressAsync(jobId, progress, cancellationToken);
        }

        LogJobFinished(logger, jobId, progress.Status, progress.AddedCount, progress.UpdatedCount, progress.SkippedCount);
    }

    /// <summary>Fails a job that cannot be run (the worker gave up on it), keeping the rows already committed.</summary>
    public async Task MarkFailedAsync(IOrgStore store, long jobId, string reason, CancellationToken cancellationToken)
    {
        var job = await store.GetWriteJobAsync(jobId, cancellationToken);
        if (job is null || BulkWriteStatus.IsFinished(job.Progress.Status))
        {
            return;
        }

        await store.SetWriteProgressAsync(jobId, job.Progress with { Status = BulkWriteStatus.Failed, FailureMessage = reason, CompletedTime = time.GetUtcNow() }, cancellationToken);
        LogJobFailed(logger, jobId, reason);
    }

    private async Task<BulkWriteProgress> ProcessRowsAsync(IOrgStore store, WriteJob job, Func<JobLease> lease, CancellationToken cancellationToken)
    {
        var definition = job.Definition;
        var limits = options.Value.Limits;
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var module = catalog.Find(definition.ModuleApiName)
            ?? throw new UploadedCsvException($"The module {definition.ModuleApiName} no longer exists.");
        if (definition.Mappings.FirstOrDefault(m => m.ApiName != SystemFields.BulkWriteId && module.FindField(m.ApiName) is null) is { } removed)
        {
            throw new UploadedCsvException($"The field {removed.ApiName} was removed from {module.ApiName} after the job was created.");
        }

        var users = await system.ListUsersAsync(store.OrgId, cancellationToken);
        var processor = new BulkWriteRowProcessor(
            definition, module, catalog.Find, users.Select(u => (u.Id, u.Email)), ids, new FieldValueParser());
        var audit = new RecordAudit(definition.CreatedBy.Id, time.GetUtcNow());
        var echo = definition.EchoColumnIndexes;

        await using var rows = await UploadedCsv.OpenRowsAsync(store, definition, limits, cancellationToken);
        var progress = job.Progress with { Status = BulkWriteStatus.InProgress, CharacterEncoding = rows.EncodingName };
        await store.SetWriteProgressAsync(definition.Id, progress, cancellationToken);
        await rows.SkipRowsAsync(progress.CheckpointRow, cancellationToken);

        var more = true;
        while (more)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var chunk = store.BeginWriteChunk(definition.Id, lease());
            var added = 0;
            var updated = 0;
            var skipped = 0;
            var last = progress.CheckpointRow;
            for (var n = 0; n < limits.WriteChunkRows; n++)
            {
                if (!await rows.ReadAsync(cancellationToken))
                {
                    more = false;
                    break;
                }

                var row = rows.Current;
                var rowNumber = checked((int)row.RowNumber);
                var outcome = row.StopsReading
                    ? RowOutcome.Unprocessed(rowNumber, new RowError("INVALID_DATA", BulkWriteRowProcessor.RowColumn, row.Problem ?? ""))
                    : row.RowNumber > limits.MaxRowsPerFile
                    ? new RowOutcome(rowNumber, RowStatus.Skipped, null,
                        [new RowError("LIMIT_EXCEEDED", BulkWriteRowProcessor.RowColumn, $"a file may hold at most {limits.MaxRowsPerFile} rows")])
                    : processor.Process(rowNumber, row.Fields, row.Problem, chunk.Records, audit);
                chunk.AddResult(new WriteResultRow(outcome, [.. echo.Select(i => i < row.Fields.Count ? row.Fields[i] : "")]));
                switch (outcome.Status)
                {
                    case RowStatus.Added: added++; break;
                    case RowStatus.Updated: updated++; break;
                    default: skipped++; break;
                }

                last = row.RowNumber;
            }

            progress = progress with
            {
                CheckpointRow = last,
                AddedCount = progress.AddedCount + added,
                UpdatedCount = progress.UpdatedCount + updated,
                SkippedCount = progress.SkippedCount + skipped,
            };
            if (!more)
            {
                // A file whose reading stopped early (a quote never closed) still completes with the rows read;
                // the job's details say where and why, as the result file's UNPROCESSED row does.
                progress = progress with { Status = BulkWriteStatus.Completed, CompletedTime = time.GetUtcNow(), FailureMessage = rows.Fault };
            }

            chunk.Commit(progress);
        }

        return progress;
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Bulk write job {JobId} failed: {Reason}")]
    private static partial void LogJobFailed(ILogger logger, long jobId, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Bulk write job {JobId} {Status}: {Added} added, {Updated} updated, {Skipped} skipped")]
    private static partial void LogJobFinished(ILogger logger, long jobId, string status, int added, int updated, int skipped);
}
