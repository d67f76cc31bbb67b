using System.Threading.Channels;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Csv;
using BiginBulk.Core.Ids;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;
using BiginBulk.Server.Uploads;
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
internal sealed partial class BulkWriteJobRunner(
    IOrgDirectory system,
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
    public async Task MarkFailedAsync(IWriteJobStore store, long jobId, string reason, CancellationToken cancellationToken)
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
        var decider = new ChunkDecider(
            definition, module, catalog.Find, users.Select(u => (u.Id, u.Email)), ids, new FieldValueParser());
        var audit = new RecordAudit(definition.CreatedBy.Id, time.GetUtcNow());

        await using var rows = await UploadedCsv.OpenRowsAsync(store, definition, limits, cancellationToken);
        var progress = job.Progress with { Status = BulkWriteStatus.InProgress, CharacterEncoding = rows.EncodingName };
        await store.SetWriteProgressAsync(definition.Id, progress, cancellationToken);
        await rows.SkipRowsAsync(progress.CheckpointRow, cancellationToken);

        // Reading, decoding and validating the next chunk overlaps with writing this one: a bounded channel
        // of one prepared chunk, so memory holds at most three chunks (read, waiting, writing).
        var channel = Channel.CreateBounded<ReadChunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadChunksAsync(rows, decider, definition.EchoColumnIndexes, channel.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var read in channel.Reader.ReadAllAsync(cancellationToken))
            {
                progress = await WriteChunkAsync(store, definition.Id, lease(), decider, read, audit, progress, cancellationToken);
            }
        }
        catch
        {
            await stop.CancelAsync();
            try
            {
                await reader;
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The reader stops because the writer failed; the writer's exception is the one that counts.
            }

            throw;
        }

        // A file that cannot be read ends the reader with its exception: rethrown here, the job FAILS.
        await reader;
        return progress;
    }

    /// <summary>Reads the file a chunk at a time, parses and validates each chunk, and hands it to the writer.
    /// The last chunk (possibly empty) is marked, so its commit completes the job.</summary>
    private async Task ReadChunksAsync(UploadedCsvRows rows, ChunkDecider decider, IReadOnlyList<int> echo, ChannelWriter<ReadChunk> writer, CancellationToken cancellationToken)
    {
        var limits = options.Value.Limits;
        try
        {
            var more = true;
            while (more)
            {
                var chunk = new PreparedChunk();
                var echoes = new List<string[]>();
                var last = 0L;
                while (chunk.Count < limits.WriteChunkRows)
                {
                    if (!await rows.ReadAsync(cancellationToken))
                    {
                        more = false;
                        break;
                    }

                    var row = rows.Current;
                    var rowNumber = checked((int)row.RowNumber);
                    if (row.StopsReading)
                    {
                        // Reading cannot go past this row (a quote never closed): it is UNPROCESSED, and the job's
                        // details say where and why (rows.Fault), as the result file does.
                        chunk.AddUnprocessed(rowNumber, new RowError("INVALID_DATA", ChunkDecider.RowColumn, row.Problem ?? ""));
                    }
                    else if (row.RowNumber > limits.MaxRowsPerFile)
                    {
                        chunk.AddSkipped(rowNumber, new RowError("LIMIT_EXCEEDED", ChunkDecider.RowColumn, $"a file may hold at most {limits.MaxRowsPerFile} rows"));
                    }
                    else
                    {
                        decider.Add(chunk, new ChunkRow(rowNumber, row.Fields, row.Problem));
                    }

                    echoes.Add([.. echo.Select(i => i < row.Fields.Count ? row.Fields[i] : "")]);
                    last = row.RowNumber;
                }

                await writer.WriteAsync(new ReadChunk(chunk, echoes, last, !more, more ? null : rows.Fault), cancellationToken);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>One chunk in one transaction: resolve its keys, decide its rows, apply, results, checkpoint.</summary>
    private async Task<BulkWriteProgress> WriteChunkAsync(
        IWriteJobStore store, long jobId, JobLease lease, ChunkDecider decider, ReadChunk read, RecordAudit audit, BulkWriteProgress progress, CancellationToken cancellationToken)
    {
        using var chunk = await store.BeginWriteChunkAsync(jobId, lease, cancellationToken);
        var answers = read.Rows.Keys.IsEmpty ? new ChunkAnswers() : await chunk.ResolveAsync(read.Rows.Keys, cancellationToken);
        var decisions = decider.Decide(read.Rows, answers, audit);
        if (!decisions.Writes.IsEmpty)
        {
            await chunk.ApplyAsync(decisions.Writes, cancellationToken);
        }

        var added = 0;
        var updated = 0;
        var skipped = 0;
        for (var i = 0; i < decisions.Outcomes.Count; i++)
        {
            var outcome = decisions.Outcomes[i];
            chunk.AddResult(new WriteResultRow(outcome, read.Echoes[i]));
            switch (outcome.Status)
            {
                case RowStatus.Added: added++; break;
                case RowStatus.Updated: updated++; break;
                default: skipped++; break;
            }
        }

        progress = progress with
        {
            CheckpointRow = read.Count > 0 ? read.LastRow : progress.CheckpointRow,
            AddedCount = progress.AddedCount + added,
            UpdatedCount = progress.UpdatedCount + updated,
            SkippedCount = progress.SkippedCount + skipped,
        };
        if (read.IsLast)
        {
            // A file whose reading stopped early (a quote never closed) still completes with the rows read;
            // the job's details say where and why, as the result file's UNPROCESSED row does.
            progress = progress with { Status = BulkWriteStatus.Completed, CompletedTime = time.GetUtcNow(), FailureMessage = read.Fault };
        }

        await chunk.CommitAsync(progress, cancellationToken);
        return progress;
    }

    /// <summary>A prepared chunk, the echoed cells of its rows, its last row number, whether the file ends with it,
    /// and (on the last chunk) why reading stopped early, if it did.</summary>
    private sealed record ReadChunk(PreparedChunk Rows, List<string[]> Echoes, long LastRow, bool IsLast, string? Fault)
    {
        public int Count => Rows.Count;
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Bulk write job {JobId} failed: {Reason}")]
    private static partial void LogJobFailed(ILogger logger, long jobId, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Bulk write job {JobId} {Status}: {Added} added, {Updated} updated, {Skipped} skipped")]
    private static partial void LogJobFinished(ILogger logger, long jobId, string status, int added, int updated, int skipped);
}
