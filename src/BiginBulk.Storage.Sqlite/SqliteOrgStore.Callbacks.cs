using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Callbacks;
using BiginBulk.Storage.Jobs;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    public Task<CallbackDelivery?> ClaimDueCallbackAsync(JobLease lease, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            """
            UPDATE callback_outbox SET lease_owner = $owner, lease_expires = $expires
            WHERE id = (
                SELECT id FROM callback_outbox
                WHERE state = 'pending' AND next_attempt_time <= $now AND (lease_owner IS NULL OR lease_expires < $now)
                ORDER BY next_attempt_time, id LIMIT 1)
            RETURNING id, job_id, kind, url, attempts
            """,
            ("$owner", lease.Owner), ("$expires", SqliteValues.FormatTime(lease.Expires)), ("$now", SqliteValues.FormatTime(lease.Now)));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new CallbackDelivery(reader.GetInt64(0), reader.GetInt64(1), Enum.Parse<JobKind>(reader.GetString(2)), reader.GetString(3), reader.GetInt32(4))
            : null);
    }

    public Task RecordCallbackAttemptAsync(long deliveryId, CallbackAttempt attempt, DateTimeOffset? nextAttemptTime, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        Run(connection, transaction, "INSERT OR REPLACE INTO callback_attempts (delivery_id, number, time, http_status, error, duration_ms) VALUES ($id, $n, $time, $status, $error, $ms)",
            ("$id", deliveryId), ("$n", attempt.Number), ("$time", SqliteValues.FormatTime(attempt.Time)), ("$status", attempt.HttpStatus),
            ("$error", attempt.Error), ("$ms", attempt.DurationMs));
        var state = attempt.Delivered ? CallbackStatus.Delivered : nextAttemptTime is null ? CallbackStatus.Failed : CallbackStatus.Pending;
        Run(connection, transaction,
            "UPDATE callback_outbox SET state = $state, attempts = $n, next_attempt_time = $next, lease_owner = NULL, lease_expires = NULL WHERE id = $id",
            ("$id", deliveryId), ("$state", state), ("$n", attempt.Number),
            ("$next", state == CallbackStatus.Pending ? SqliteValues.FormatTime(nextAttemptTime!.Value) : null));
        transaction.Commit();
        return Task.CompletedTask;
    }

    public Task<CallbackStatus?> GetCallbackStatusAsync(long jobId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand("SELECT id, kind, url, state, next_attempt_time FROM callback_outbox WHERE job_id = $job", ("$job", jobId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return Task.FromResult<CallbackStatus?>(null);
        }

        var (id, kind, url, state) = (reader.GetInt64(0), Enum.Parse<JobKind>(reader.GetString(1)), reader.GetString(2), reader.GetString(3));
        DateTimeOffset? next = reader.IsDBNull(4) ? null : SqliteValues.ParseTime(reader.GetString(4));
        using var attempts = connection.CreateCommand(
            "SELECT number, time, http_status, error, duration_ms FROM callback_attempts WHERE delivery_id = $id ORDER BY number", ("$id", id));
        using var rows = attempts.ExecuteReader();
        var list = new List<CallbackAttempt>();
        while (rows.Read())
        {
            list.Add(new CallbackAttempt(rows.GetInt32(0), SqliteValues.ParseTime(rows.GetString(1)),
                rows.IsDBNull(2) ? null : rows.GetInt32(2), rows.IsDBNull(3) ? null : rows.GetString(3), rows.GetInt32(4)));
        }

        return Task.FromResult<CallbackStatus?>(new CallbackStatus(jobId, kind, url, state, state == CallbackStatus.Pending ? next : null, list));
    }

    /// <summary>
    /// What every finished job goes through, inside the transaction that finishes it: its lease is cleared and,
    /// when it has a callback, the callback is queued in the outbox. Queuing in the same transaction is what
    /// makes delivery durable: a job is never finished without its callback queued, nor queued twice.
    /// </summary>
    internal static void FinishJob(SqliteConnection connection, SqliteTransaction transaction, JobKind kind, long jobId)
    {
        var (table, _, _) = JobTable(kind);
        Run(connection, transaction, $"UPDATE {table} SET lease_owner = NULL, lease_expires = NULL WHERE id = $id", ("$id", jobId));
        using var read = connection.CreateCommand($"SELECT definition FROM {table} WHERE id = $id", ("$id", jobId));
        read.Transaction = transaction;
        if (read.ExecuteScalar() is not string json)
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

        var now = SqliteValues.FormatTime(DateTimeOffset.UtcNow);
        Run(connection, transaction,
            "INSERT OR IGNORE INTO callback_outbox (job_id, kind, url, state, attempts, next_attempt_time, created_time) VALUES ($job, $kind, $url, 'pending', 0, $now, $now)",
            ("$job", jobId), ("$kind", kind.ToString()), ("$url", url), ("$now", now));
    }

    private static void Run(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
