using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    private static readonly JsonSerializerOptions DefinitionJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task CreateWriteJobAsync(BulkWriteJobDefinition definition, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(
            "INSERT INTO write_jobs (id, definition, status) VALUES (@id, @definition, @status)", cancellationToken,
            ("id", definition.Id), ("definition", JsonSerializer.Serialize(definition, DefinitionJson)), ("status", BulkWriteStatus.Added));
    }

    public async Task<WriteJob?> GetWriteJobAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var jobs = await db.QueryAsync(
            """
            SELECT definition, status, character_encoding, checkpoint_row, added_count, updated_count, skipped_count,
                   failure_message, completed_time
            FROM write_jobs WHERE id = @id
            """,
            ReadWriteJob, cancellationToken, ("id", jobId));
        return jobs.SingleOrDefault();
    }

    public async Task<IReadOnlyList<long>> ListUnfinishedWriteJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.QueryAsync(
            "SELECT id FROM write_jobs WHERE status IN (@added, @running) ORDER BY id", r => r.GetInt64(0), cancellationToken,
            ("added", BulkWriteStatus.Added), ("running", BulkWriteStatus.InProgress));
    }

    public async Task SetWriteProgressAsync(long jobId, BulkWriteProgress progress, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.BeginWriteAsync(null, cancellationToken);
        await UpdateWriteProgressAsync(db, jobId, progress, cancellationToken);
        if (BulkWriteStatus.IsFinished(progress.Status))
        {
            await FinishJobAsync(db, JobKind.Write, jobId, cancellationToken);
        }

        await db.CommitAsync(cancellationToken);
    }

    /// <summary>Starts a chunk in a transaction holding the org's write lock: SQLite's BEGIN IMMEDIATE serializes an
    /// org's writers, and PostgreSQL's advisory lock does the same, so two jobs checking the same unique value at
    /// once cannot both pass the check (the second sees the first's row and reports DUPLICATE_DATA).</summary>
    public async Task<IWriteChunk> BeginWriteChunkAsync(long jobId, JobLease lease, CancellationToken cancellationToken = default)
    {
        var db = await OpenAsync(cancellationToken);
        try
        {
            await db.BeginWriteAsync("write", cancellationToken);
            return CreateWriteChunk(db, jobId, lease);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>The dialect's chunk (its record session and bulk apply) over a connection in a write transaction.</summary>
    protected abstract RelationalWriteChunk CreateWriteChunk(RelationalConnection db, long jobId, JobLease lease);

    public IEnumerable<WriteResultRow> ReadWriteResults(long jobId)
    {
        using var db = new RelationalConnection(OpenSynchronously(), Dialect);
        using var command = db.Command(
            "SELECT row_number, status, record_id, errors, echo FROM write_results WHERE job_id = @job ORDER BY row_number", ("job", jobId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!RowOutcome.TryParseStatus(reader.GetString(1), out var status))
            {
                throw new InvalidDataException($"Unknown row status '{reader.GetString(1)}' stored for job {jobId}.");
            }

            var outcome = new RowOutcome(
                reader.GetInt32(0),
                status,
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                RowOutcome.ParseErrors(reader.GetString(3)));
            yield return new WriteResultRow(outcome, JsonSerializer.Deserialize<string[]>(reader.GetString(4)) ?? []);
        }
    }

    internal static Task<int> UpdateWriteProgressAsync(RelationalConnection db, long jobId, BulkWriteProgress progress, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE write_jobs SET status = @status, character_encoding = @encoding, checkpoint_row = @checkpoint,
                added_count = @added, updated_count = @updated, skipped_count = @skipped,
                failure_message = @failure, completed_time = @completed
            WHERE id = @id
            """,
            cancellationToken,
            ("id", jobId), ("status", progress.Status), ("encoding", progress.CharacterEncoding),
            ("checkpoint", progress.CheckpointRow), ("added", progress.AddedCount), ("updated", progress.UpdatedCount),
            ("skipped", progress.SkippedCount), ("failure", progress.FailureMessage), ("completed", progress.CompletedTime));

    private WriteJob ReadWriteJob(DbDataReader reader)
    {
        var definition = JsonSerializer.Deserialize<BulkWriteJobDefinition>(reader.GetString(0), DefinitionJson)!;
        var progress = new BulkWriteProgress
        {
            Status = reader.GetString(1),
            CharacterEncoding = reader.IsDBNull(2) ? null : reader.GetString(2),
            CheckpointRow = reader.GetInt64(3),
            AddedCount = reader.GetInt32(4),
            UpdatedCount = reader.GetInt32(5),
            SkippedCount = reader.GetInt32(6),
            FailureMessage = reader.IsDBNull(7) ? null : reader.GetString(7),
            CompletedTime = reader.IsDBNull(8) ? null : Dialect.ReadTime(reader, 8),
        };
        return new WriteJob(definition, progress);
    }
}
