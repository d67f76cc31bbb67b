using System.Text.Json;
using System.Text.Json.Serialization;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    private static readonly JsonSerializerOptions DefinitionJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public Task CreateWriteJobAsync(BulkWriteJobDefinition definition, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        connection.Execute(
            "INSERT INTO write_jobs (id, definition, status) VALUES ($id, $definition, $status)",
            ("$id", definition.Id), ("$definition", JsonSerializer.Serialize(definition, DefinitionJson)), ("$status", BulkWriteStatus.Added));
        return Task.CompletedTask;
    }

    public Task<WriteJob?> GetWriteJobAsync(long jobId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            """
            SELECT definition, status, character_encoding, checkpoint_row, added_count, updated_count, skipped_count,
                   failure_message, completed_time
            FROM write_jobs WHERE id = $id
            """,
            ("$id", jobId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return Task.FromResult<WriteJob?>(null);
        }

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
            CompletedTime = reader.IsDBNull(8) ? null : SqliteValues.ParseTime(reader.GetString(8)),
        };
        return Task.FromResult<WriteJob?>(new WriteJob(definition, progress));
    }

    public Task<IReadOnlyList<long>> ListUnfinishedWriteJobsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            "SELECT id FROM write_jobs WHERE status IN ($added, $running) ORDER BY id",
            ("$added", BulkWriteStatus.Added), ("$running", BulkWriteStatus.InProgress));
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return Task.FromResult<IReadOnlyList<long>>(ids);
    }

    public Task SetWriteProgressAsync(long jobId, BulkWriteProgress progress, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        UpdateProgress(connection, jobId, progress, transaction);
        if (BulkWriteStatus.IsFinished(progress.Status))
        {
            FinishJob(connection, transaction, JobKind.Write, jobId);
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    public IWriteChunk BeginWriteChunk(long jobId, JobLease lease) => new SqliteWriteChunk(Open(), jobId, lease);

    public IEnumerable<WriteResultRow> ReadWriteResults(long jobId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            "SELECT row_number, status, record_id, errors, echo FROM write_results WHERE job_id = $job ORDER BY row_number",
            ("$job", jobId));
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

    internal static void UpdateProgress(SqliteConnection connection, long jobId, BulkWriteProgress progress, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand(
            """
            UPDATE write_jobs SET status = $status, character_encoding = $encoding, checkpoint_row = $checkpoint,
                added_count = $added, updated_count = $updated, skipped_count = $skipped,
                failure_message = $failure, completed_time = $completed
            WHERE id = $id
            """,
            ("$id", jobId), ("$status", progress.Status), ("$encoding", progress.CharacterEncoding),
            ("$checkpoint", progress.CheckpointRow), ("$added", progress.AddedCount), ("$updated", progress.UpdatedCount),
            ("$skipped", progress.SkippedCount), ("$failure", progress.FailureMessage),
            ("$completed", progress.CompletedTime is { } t ? SqliteValues.FormatTime(t) : null));
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
