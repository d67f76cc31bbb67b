using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Callbacks;
using BiginBulk.Storage.Jobs;
using Npgsql;
using NpgsqlTypes;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    public async Task<CallbackDelivery?> ClaimDueCallbackAsync(JobLease lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var command = connection.Command(
            """
            UPDATE callback_outbox SET lease_owner = @owner, lease_expires = @expires
            WHERE id = (
                SELECT id FROM callback_outbox
                WHERE state = 'pending' AND next_attempt_time <= @now AND (lease_owner IS NULL OR lease_expires < @now)
                ORDER BY next_attempt_time, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, job_id, kind, url, attempts
            """,
            P("owner", lease.Owner), P("expires", PostgreSqlValues.Time(lease.Expires)), P("now", PostgreSqlValues.Time(lease.Now)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CallbackDelivery(reader.GetInt64(0), reader.GetInt64(1), Enum.Parse<JobKind>(reader.GetString(2)), reader.GetString(3), reader.GetInt32(4))
            : null;
    }

    public async Task RecordCallbackAttemptAsync(long deliveryId, CallbackAttempt attempt, DateTimeOffset? nextAttemptTime, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO callback_attempts (delivery_id, number, time, http_status, error, duration_ms) VALUES (@id, @n, @time, @status, @error, @ms)
            ON CONFLICT (delivery_id, number) DO UPDATE SET time = excluded.time, http_status = excluded.http_status,
                error = excluded.error, duration_ms = excluded.duration_ms
            """,
            cancellationToken,
            P("id", deliveryId), P("n", attempt.Number), P("time", PostgreSqlValues.Time(attempt.Time)), P("status", attempt.HttpStatus, NpgsqlDbType.Integer),
            P("error", attempt.Error, NpgsqlDbType.Text), P("ms", attempt.DurationMs));
        var state = attempt.Delivered ? CallbackStatus.Delivered : nextAttemptTime is null ? CallbackStatus.Failed : CallbackStatus.Pending;
        await connection.ExecuteAsync(
            "UPDATE callback_outbox SET state = @state, attempts = @n, next_attempt_time = @next, lease_owner = NULL, lease_expires = NULL WHERE id = @id",
            cancellationToken,
            P("id", deliveryId), P("state", state), P("n", attempt.Number),
            P("next", state == CallbackStatus.Pending ? PostgreSqlValues.Time(nextAttemptTime!.Value) : null, NpgsqlDbType.TimestampTz));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<CallbackStatus?> GetCallbackStatusAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        long id;
        JobKind kind;
        string url;
        string state;
        DateTimeOffset? next;
        await using (var command = connection.Command("SELECT id, kind, url, state, next_attempt_time FROM callback_outbox WHERE job_id = @job", P("job", jobId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (id, kind, url, state) = (reader.GetInt64(0), Enum.Parse<JobKind>(reader.GetString(1)), reader.GetString(2), reader.GetString(3));
            next = reader.IsDBNull(4) ? null : PostgreSqlValues.ReadTime(reader.GetDateTime(4));
        }

        await using var attempts = connection.Command(
            "SELECT number, time, http_status, error, duration_ms FROM callback_attempts WHERE delivery_id = @id ORDER BY number", P("id", id));
        await using var rows = await attempts.ExecuteReaderAsync(cancellationToken);
        var list = new List<CallbackAttempt>();
        while (await rows.ReadAsync(cancellationToken))
        {
            list.Add(new CallbackAttempt(rows.GetInt32(0), PostgreSqlValues.ReadTime(rows.GetDateTime(1)),
                rows.IsDBNull(2) ? null : rows.GetInt32(2), rows.IsDBNull(3) ? null : rows.GetString(3), rows.GetInt32(4)));
        }

        return new CallbackStatus(jobId, kind, url, state, state == CallbackStatus.Pending ? next : null, list);
    }

    /// <summary>
    /// What every finished job goes through, inside the transaction that finishes it: its lease is cleared and,
    /// when it has a callback, the callback is queued in the outbox, in the same transaction, so a job is never
    /// finished without its callback queued, nor queued twice.
    /// </summary>
    internal static void FinishJob(NpgsqlConnection connection, JobKind kind, long jobId)
    {
        var (table, _, _) = JobTable(kind);
        string? json;
        using (var read = connection.Command(
            $"UPDATE {table} SET lease_owner = NULL, lease_expires = NULL WHERE id = @id RETURNING definition", P("id", jobId)))
        {
            json = read.ExecuteScalar() as string;
        }

        if (json is null)
        {
            return;
        }

        var url = kind == JobKind.Write
            ? JsonSerializer.Deserialize<BulkWriteJobDefinition>(json, DefinitionJson)?.Callback?.Url
            : JsonSerializer.Deserialize<BulkReadJobDefinition>(json, DefinitionJson)?.Callback?.Url;
        if (url is null)
        {
            return;
        }

        connection.Execute(
            """
            INSERT INTO callback_outbox (job_id, kind, url, state, attempts, next_attempt_time, created_time)
            VALUES (@job, @kind, @url, 'pending', 0, @now, @now) ON CONFLICT (job_id) DO NOTHING
            """,
            P("job", jobId), P("kind", kind.ToString()), P("url", url), P("now", PostgreSqlValues.Time(DateTimeOffset.UtcNow)));
    }
}
