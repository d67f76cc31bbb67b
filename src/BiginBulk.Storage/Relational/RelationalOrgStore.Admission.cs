using System.Globalization;
using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    public Task<bool> TryCreateWriteJobAsync(BulkWriteJobDefinition definition, int maxUnfinishedJobs, CancellationToken cancellationToken = default) =>
        TryCreateJobAsync(
            maxUnfinishedJobs,
            "INSERT INTO write_jobs (id, definition, status) VALUES (@id, @definition, @state)",
            definition.Id, JsonSerializer.Serialize(definition, DefinitionJson), BulkWriteStatus.Added, cancellationToken);

    public Task<bool> TryCreateReadJobAsync(BulkReadJobDefinition definition, int maxUnfinishedJobs, CancellationToken cancellationToken = default) =>
        TryCreateJobAsync(
            maxUnfinishedJobs,
            "INSERT INTO read_jobs (id, definition, state) VALUES (@id, @definition, @state)",
            definition.Id, JsonSerializer.Serialize(definition, DefinitionJson), BulkReadState.Added, cancellationToken);

    private async Task<bool> TryCreateJobAsync(int maxUnfinishedJobs, string insertSql, long id, string definition, string state, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        // The count and the insert run under one write lock (SQLite's file lock, PostgreSQL's per-org advisory
        // lock), so no other create can count or insert between them: the cap holds across processes and nodes.
        await db.BeginWriteAsync("admission", cancellationToken);
        var unfinished = Convert.ToInt64(
            await db.ScalarAsync(
                """
                SELECT (SELECT count(*) FROM write_jobs WHERE status IN (@added, @running))
                     + (SELECT count(*) FROM read_jobs WHERE state NOT IN (@completed, @failure))
                """,
                cancellationToken,
                ("added", BulkWriteStatus.Added), ("running", BulkWriteStatus.InProgress),
                ("completed", BulkReadState.Completed), ("failure", BulkReadState.Failure)),
            CultureInfo.InvariantCulture);
        if (unfinished >= maxUnfinishedJobs)
        {
            return false;
        }

        await db.ExecuteAsync(insertSql, cancellationToken, ("id", id), ("definition", definition), ("state", state));
        await db.CommitAsync(cancellationToken);
        return true;
    }
}
