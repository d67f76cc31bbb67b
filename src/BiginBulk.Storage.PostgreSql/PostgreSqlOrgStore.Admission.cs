using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
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
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // READ COMMITTED lets two transactions count the same rows; a per-org advisory lock held to commit makes
        // the count and the insert one step for every node sharing the database.
        await connection.LockAsync("biginbulk:admission:" + _schema, cancellationToken);
        long unfinished;
        await using (var count = connection.Command(
            """
            SELECT (SELECT count(*) FROM write_jobs WHERE status IN (@added, @running))
                 + (SELECT count(*) FROM read_jobs WHERE state NOT IN (@completed, @failure))
            """,
            P("added", BulkWriteStatus.Added), P("running", BulkWriteStatus.InProgress),
            P("completed", BulkReadState.Completed), P("failure", BulkReadState.Failure)))
        {
            unfinished = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        if (unfinished >= maxUnfinishedJobs)
        {
            return false;
        }

        await connection.ExecuteAsync(insertSql, cancellationToken, P("id", id), P("definition", definition), P("state", state));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
