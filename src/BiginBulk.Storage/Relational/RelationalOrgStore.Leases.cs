using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    private static readonly string[] LeasedTables = ["write_jobs", "read_jobs", "callback_outbox"];

    public async Task<long?> ClaimNextJobAsync(JobKind kind, JobLease lease, CancellationToken cancellationToken = default)
    {
        var (table, stateColumn, finished) = JobTable(kind);
        await using var db = await OpenAsync(cancellationToken);
        // One UPDATE … RETURNING: SQLite's write lock, or PostgreSQL's SKIP LOCKED, keeps two workers off one job.
        var id = await db.ScalarAsync(
            $"""
            UPDATE {table} SET lease_owner = @owner, lease_expires = @expires
            WHERE id = (
                SELECT id FROM {table}
                WHERE {stateColumn} NOT IN ({finished}) AND (lease_owner IS NULL OR lease_expires < @now OR lease_owner = @owner)
                ORDER BY id LIMIT 1{Dialect.SkipLocked})
            RETURNING id
            """,
            cancellationToken,
            ("owner", lease.Owner), ("expires", lease.Expires), ("now", lease.Now));
        return id is long claimed ? claimed : null;
    }

    public async Task<bool> RenewJobLeaseAsync(JobKind kind, long jobId, JobLease lease, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await RenewLeaseAsync(db, kind, jobId, lease, cancellationToken);
    }

    public async Task ReleaseJobLeasesAsync(string ownerPrefix, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        foreach (var table in LeasedTables)
        {
            await db.ExecuteAsync(
                $"UPDATE {table} SET lease_owner = NULL, lease_expires = NULL WHERE substr(lease_owner, 1, length(@prefix)) = @prefix",
                cancellationToken, ("prefix", ownerPrefix));
        }
    }

    /// <summary>Extends the lease when this worker still holds it; false when another worker took it.</summary>
    internal static async Task<bool> RenewLeaseAsync(RelationalConnection db, JobKind kind, long jobId, JobLease lease, CancellationToken cancellationToken)
    {
        var (table, _, _) = JobTable(kind);
        return await db.ExecuteAsync(
            $"UPDATE {table} SET lease_expires = @expires WHERE id = @id AND lease_owner = @owner", cancellationToken,
            ("id", jobId), ("owner", lease.Owner), ("expires", lease.Expires)) == 1;
    }

    private static (string Table, string StateColumn, string Finished) JobTable(JobKind kind) => kind == JobKind.Write
        ? ("write_jobs", "status", "'COMPLETED', 'FAILED'")
        : ("read_jobs", "state", "'COMPLETED', 'FAILURE'");
}
