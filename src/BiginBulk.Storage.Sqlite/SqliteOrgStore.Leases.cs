using BiginBulk.Storage.Jobs;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    public Task<long?> ClaimNextJobAsync(JobKind kind, JobLease lease, CancellationToken cancellationToken = default)
    {
        var (table, stateColumn, finished) = JobTable(kind);
        using var connection = Open();
        // One UPDATE … RETURNING under SQLite's write lock: two workers cannot claim the same job.
        using var command = connection.CreateCommand(
            $"""
            UPDATE {table} SET lease_owner = $owner, lease_expires = $expires
            WHERE id = (
                SELECT id FROM {table}
                WHERE {stateColumn} NOT IN ({finished}) AND (lease_owner IS NULL OR lease_expires < $now OR lease_owner = $owner)
                ORDER BY id LIMIT 1)
            RETURNING id
            """,
            ("$owner", lease.Owner), ("$expires", SqliteValues.FormatTime(lease.Expires)), ("$now", SqliteValues.FormatTime(lease.Now)));
        return Task.FromResult(command.ExecuteScalar() is long id ? id : (long?)null);
    }

    public Task<bool> RenewJobLeaseAsync(JobKind kind, long jobId, JobLease lease, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        return Task.FromResult(RenewLease(connection, null, kind, jobId, lease));
    }

    public Task ReleaseJobLeasesAsync(string ownerPrefix, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        foreach (var table in new[] { "write_jobs", "read_jobs", "callback_outbox" })
        {
            connection.Execute(
                $"UPDATE {table} SET lease_owner = NULL, lease_expires = NULL WHERE substr(lease_owner, 1, length($prefix)) = $prefix",
                ("$prefix", ownerPrefix));
        }

        return Task.CompletedTask;
    }

    /// <summary>Extends the lease when this worker still holds it; false when another worker took it.</summary>
    internal static bool RenewLease(SqliteConnection connection, SqliteTransaction? transaction, JobKind kind, long jobId, JobLease lease)
    {
        var (table, _, _) = JobTable(kind);
        using var command = connection.CreateCommand(
            $"UPDATE {table} SET lease_expires = $expires WHERE id = $id AND lease_owner = $owner",
            ("$id", jobId), ("$owner", lease.Owner), ("$expires", SqliteValues.FormatTime(lease.Expires)));
        command.Transaction = transaction;
        return command.ExecuteNonQuery() == 1;
    }

    private static (string Table, string StateColumn, string Finished) JobTable(JobKind kind) => kind == JobKind.Write
        ? ("write_jobs", "status", "'COMPLETED', 'FAILED'")
        : ("read_jobs", "state", "'COMPLETED', 'FAILURE'");
}
