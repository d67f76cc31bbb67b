using System.Globalization;
using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    private const string UnfinishedJobsSql =
        """
        SELECT (SELECT count(*) FROM write_jobs WHERE status IN ($added, $running))
             + (SELECT count(*) FROM read_jobs WHERE state NOT IN ($completed, $failure))
        """;

    public Task<bool> TryCreateWriteJobAsync(BulkWriteJobDefinition definition, int maxUnfinishedJobs, CancellationToken cancellationToken = default) =>
        Task.FromResult(TryCreateJob(
            maxUnfinishedJobs,
            "INSERT INTO write_jobs (id, definition, status) VALUES ($id, $definition, $state)",
            definition.Id, JsonSerializer.Serialize(definition, DefinitionJson), BulkWriteStatus.Added));

    public Task<bool> TryCreateReadJobAsync(BulkReadJobDefinition definition, int maxUnfinishedJobs, CancellationToken cancellationToken = default) =>
        Task.FromResult(TryCreateJob(
            maxUnfinishedJobs,
            "INSERT INTO read_jobs (id, definition, state) VALUES ($id, $definition, $state)",
            definition.Id, JsonSerializer.Serialize(definition, DefinitionJson), BulkReadState.Added));

    private bool TryCreateJob(int maxUnfinishedJobs, string insertSql, long id, string definition, string state)
    {
        using var connection = Open();
        // BEGIN IMMEDIATE takes the file's write lock before the count, so no other create can count or insert
        // between this count and this insert: the cap holds under any concurrency, across processes too.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var count = connection.CreateCommand(
            UnfinishedJobsSql,
            ("$added", BulkWriteStatus.Added), ("$running", BulkWriteStatus.InProgress),
            ("$completed", BulkReadState.Completed), ("$failure", BulkReadState.Failure));
        count.Transaction = transaction;
        if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) >= maxUnfinishedJobs)
        {
            return false;
        }

        using var insert = connection.CreateCommand(insertSql, ("$id", id), ("$definition", definition), ("$state", state));
        insert.Transaction = transaction;
        insert.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }
}
