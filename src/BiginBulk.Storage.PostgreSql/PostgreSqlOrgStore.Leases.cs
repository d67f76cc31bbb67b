using BiginBulk.Storage.Jobs;
using Npgsql;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    public async Task<long?> ClaimNextJobAsync(JobKind kind, JobLease lease, CancellationToken cancellationToken = default)
    {
        var (table, stateColumn, finished) = JobTable(kind);
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        // FOR UPDATE SKIP LOCKED: workers of several nodes claiming at once each get a different job (or none)
        // instead of queuing on the same row, which SQLite's single write lock does for free.
        await using var command = connection.Command(
            $"""
            UPDATE {table} SET lease_owner = @owner, lease_expires = @expires
            WHERE id = (
                SELECT id FROM {table}
                WHERE {stateColumn} NOT IN ({finished}) AND (lease_owner IS NULL OR lease_expires < @now OR lease_owner = @owner)
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """,
            P("owner", lease.Owner), P("expires", PostgreSqlValues.Time(lease.Expires)), P("now", PostgreSqlValues.Time(lease.Now)));
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    public async Task<bool> RenewJobLeaseAsync(JobKind kind, long jobId, JobLease lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var command = RenewLeaseCommand(connection, kind, jobId, lease);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseJobLeasesAsync(string ownerPrefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        foreach (var table in new[] { "write_jobs", "read_jobs", "callback_outbox" })
        {
            await connection.ExecuteAsync(
                $"UPDATE {table} SET lease_owner = NULL, lease_expires = NULL WHERE left(lease_owner, length(@prefix)) = @prefix",
                cancellationToken, P("prefix", ownerPrefix));
        }
    }

    /// <summary>Extends the lease when this worker still holds it; updates no row when another worker took it.</summary>
    internal static NpgsqlCommand RenewLeaseCommand(NpgsqlConnection connection, JobKind kind, long jobId, JobLease lease)
    {
        var (table, _, _) = JobTable(kind);
        return connection.Command(
            $"UPDATE {table} SET lease_expires = @expires WHERE id = @id AND lease_owner = @owner",
            P("id", jobId), P("owner", lease.Owner), P("expires", PostgreSqlValues.Time(lease.Expires)));
    }

    private static (string Table, string StateColumn, string Finished) JobTable(JobKind kind) => kind == JobKind.Write
        ? ("write_jobs", "status", "'COMPLETED', 'FAILED'")
        : ("read_jobs", "state", "'COMPLETED', 'FAILURE'");
}
