using System.Data.Common;
using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Callbacks;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    public async Task<CallbackDelivery?> ClaimDueCallbackAsync(JobLease lease, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var claimed = await db.QueryAsync(
            $"""
            UPDATE callback_outbox SET lease_owner = @owner, lease_expires = @expires
            WHERE id = (
                SELECT id FROM callback_outbox
                WHERE state = 'pending' AND next_attempt_time <= @now AND (lease_owner IS NULL OR lease_expires < @now)
                ORDER BY next_attempt_time, id LIMIT 1{Dialect.SkipLocked})
            RETURNING id, job_id, kind, url, attempts
            """,
            r => new CallbackDelivery(r.GetInt64(0), r.GetInt64(1), Enum.Parse<JobKind>(r.GetString(2)), r.GetString(3), r.GetInt32(4)),
            cancellationToken,
            ("owner", lease.Owner), ("expires", lease.Expires), ("now", lease.Now));
        return claimed.SingleOrDefault();
    }

    public async Task RecordCallbackAttemptAsync(long deliveryId, CallbackAttempt attempt, DateTimeOffset? nextAttemptTime, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.BeginWriteAsync(null, cancellationToken);
        await db.ExecuteAsync(
            """
            INSERT INTO callback_attempts (delivery_id, number, time, http_status, error, duration_ms) VALUES (@id, @n, @time, @status, @error, @ms)
            ON CONFLICT (delivery_id, number) DO UPDATE SET time = excluded.time, http_status = excluded.http_status,
                error = excluded.error, duration_ms = excluded.duration_ms
            """,
            cancellationToken,
            ("id", deliveryId), ("n", attempt.Number), ("time", attempt.Time), ("status", attempt.HttpStatus),
            ("error", attempt.Error), ("ms", attempt.DurationMs));
        var state = attempt.Delivered ? CallbackStatus.Delivered : nextAttemptTime is null ? CallbackStatus.Failed : CallbackStatus.Pending;
        await db.ExecuteAsync(
            "UPDATE callback_outbox SET state = @state, attempts = @n, next_attempt_time = @next, lease_owner = NULL, lease_expires = NULL WHERE id = @id",
            cancellationToken,
            ("id", deliveryId), ("state", state), ("n", attempt.Number), ("next", state == CallbackStatus.Pending ? nextAttemptTime : null));
        await db.CommitAsync(cancellationToken);
    }

    public async Task<CallbackStatus?> GetCallbackStatusAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var deliveries = await db.QueryAsync(
            "SELECT id, kind, url, state, next_attempt_time FROM callback_outbox WHERE job_id = @job",
            r => (Id: r.GetInt64(0), Kind: Enum.Parse<JobKind>(r.GetString(1)), Url: r.GetString(2), State: r.GetString(3),
                Next: r.IsDBNull(4) ? (DateTimeOffset?)null : Dialect.ReadTime(r, 4)),
            cancellationToken, ("job", jobId));
        if (deliveries.Count == 0)
        {
            return null;
        }

        var (id, kind, url, state, next) = deliveries[0];
        var attempts = await db.QueryAsync(
            "SELECT number, time, http_status, error, duration_ms FROM callback_attempts WHERE delivery_id = @id ORDER BY number", ReadAttempt,
            cancellationToken, ("id", id));
        return new CallbackStatus(jobId, kind, url, state, state == CallbackStatus.Pending ? next : null, attempts);
    }

    /// <summary>
    /// What every finished job goes through, inside the transaction that finishes it: its lease is cleared and,
    /// when it has a callback, the callback is queued in the outbox. Queuing in the same transaction is what
    /// makes delivery durable: a job is never finished without its callback queued, nor queued twice.
    /// </summary>
    internal async Task FinishJobAsync(RelationalConnection db, JobKind kind, long jobId, CancellationToken cancellationToken)
    {
        var (table, _, _) = JobTable(kind);
        if (await db.ScalarAsync(
                $"UPDATE {table} SET lease_owner = NULL, lease_expires = NULL WHERE id = @id RETURNING definition", cancellationToken, ("id", jobId))
            is not string json)
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

        await db.ExecuteAsync(
            """
            INSERT INTO callback_outbox (job_id, kind, url, state, attempts, next_attempt_time, created_time)
            VALUES (@job, @kind, @url, 'pending', 0, @now, @now) ON CONFLICT (job_id) DO NOTHING
            """,
            cancellationToken,
            ("job", jobId), ("kind", kind.ToString()), ("url", url), ("now", Clock.GetUtcNow()));
    }

    private CallbackAttempt ReadAttempt(DbDataReader r) => new(
        r.GetInt32(0), Dialect.ReadTime(r, 1), r.IsDBNull(2) ? null : r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4));
}
