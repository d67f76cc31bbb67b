using System.Text.Json;
using System.Text.Json.Serialization;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;
using Npgsql;
using NpgsqlTypes;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    private static readonly JsonSerializerOptions DefinitionJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task CreateWriteJobAsync(BulkWriteJobDefinition definition, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO write_jobs (id, definition, status) VALUES (@id, @definition, @status)", cancellationToken,
            P("id", definition.Id), P("definition", JsonSerializer.Serialize(definition, DefinitionJson)), P("status", BulkWriteStatus.Added));
    }

    public async Task<WriteJob?> GetWriteJobAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT definition, status, character_encoding, checkpoint_row, added_count, updated_count, skipped_count,
                   failure_message, completed_time
            FROM write_jobs WHERE id = @id
            """,
            P("id", jobId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
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
            CompletedTime = reader.IsDBNull(8) ? null : PostgreSqlValues.ReadTime(reader.GetDateTime(8)),
        };
        return new WriteJob(definition, progress);
    }

    public async Task<IReadOnlyList<long>> ListUnfinishedWriteJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT id FROM write_jobs WHERE status IN (@added, @running) ORDER BY id",
            P("added", BulkWriteStatus.Added), P("running", BulkWriteStatus.InProgress));
        return await ReadIdsAsync(command, cancellationToken);
    }

    public async Task SetWriteProgressAsync(long jobId, BulkWriteProgress progress, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = UpdateProgressCommand(connection, jobId, progress))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (BulkWriteStatus.IsFinished(progress.Status))
        {
            FinishJob(connection, JobKind.Write, jobId);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public IWriteChunk BeginWriteChunk(long jobId, JobLease lease) => new PostgreSqlWriteChunk(Open(), jobId, lease, WriteLockKey);

    public IEnumerable<WriteResultRow> ReadWriteResults(long jobId)
    {
        using var connection = Open();
        using var command = connection.Command(
            "SELECT row_number, status, record_id, errors, echo FROM write_results WHERE job_id = @job ORDER BY row_number",
            P("job", jobId));
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

    internal static NpgsqlCommand UpdateProgressCommand(NpgsqlConnection connection, long jobId, BulkWriteProgress progress) =>
        connection.Command(
            """
            UPDATE write_jobs SET status = @status, character_encoding = @encoding, checkpoint_row = @checkpoint,
                added_count = @added, updated_count = @updated, skipped_count = @skipped,
                failure_message = @failure, completed_time = @completed
            WHERE id = @id
            """,
            P("id", jobId), P("status", progress.Status), P("encoding", progress.CharacterEncoding, NpgsqlDbType.Text),
            P("checkpoint", progress.CheckpointRow), P("added", progress.AddedCount), P("updated", progress.UpdatedCount),
            P("skipped", progress.SkippedCount), P("failure", progress.FailureMessage, NpgsqlDbType.Text),
            P("completed", progress.CompletedTime is { } t ? PostgreSqlValues.Time(t) : null, NpgsqlDbType.TimestampTz));

    private static async Task<IReadOnlyList<long>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
