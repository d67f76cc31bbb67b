using System.Runtime.CompilerServices;
using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Records;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    public Task CreateReadJobAsync(BulkReadJobDefinition definition, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        connection.Execute(
            "INSERT INTO read_jobs (id, definition, state) VALUES ($id, $definition, $state)",
            ("$id", definition.Id), ("$definition", JsonSerializer.Serialize(definition, DefinitionJson)), ("$state", BulkReadState.Added));
        return Task.CompletedTask;
    }

    public Task<ReadJob?> GetReadJobAsync(long jobId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            "SELECT definition, state, count, per_page, more_records, error_code, error_message, completed_time FROM read_jobs WHERE id = $id",
            ("$id", jobId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return Task.FromResult<ReadJob?>(null);
        }

        var definition = JsonSerializer.Deserialize<BulkReadJobDefinition>(reader.GetString(0), DefinitionJson)!;
        var progress = new ReadProgress
        {
            State = reader.GetString(1),
            Count = reader.GetInt32(2),
            PerPage = reader.GetInt32(3),
            MoreRecords = reader.GetInt64(4) != 0,
            ErrorCode = reader.IsDBNull(5) ? null : reader.GetString(5),
            ErrorMessage = reader.IsDBNull(6) ? null : reader.GetString(6),
            CompletedTime = reader.IsDBNull(7) ? null : SqliteValues.ParseTime(reader.GetString(7)),
        };
        return Task.FromResult<ReadJob?>(new ReadJob(definition, progress));
    }

    public Task<IReadOnlyList<long>> ListUnfinishedReadJobsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            "SELECT id FROM read_jobs WHERE state NOT IN ($completed, $failure) ORDER BY id",
            ("$completed", BulkReadState.Completed), ("$failure", BulkReadState.Failure));
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return Task.FromResult<IReadOnlyList<long>>(ids);
    }

    public Task SetReadProgressAsync(long jobId, ReadProgress progress, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        UpdateReadProgress(connection, transaction, jobId, progress);
        if (BulkReadState.IsFinished(progress.State))
        {
            FinishJob(connection, transaction, JobKind.Read, jobId);
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    public async Task CompleteReadJobAsync(long jobId, Stream resultZip, ReadProgress progress, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var reserve = connection.CreateCommand("UPDATE read_jobs SET result = zeroblob($size) WHERE id = $id", ("$size", resultZip.Length), ("$id", jobId)))
        {
            reserve.Transaction = transaction;
            reserve.ExecuteNonQuery();
        }

        using (var blob = new SqliteBlob(connection, "read_jobs", "result", jobId))
        {
            await resultZip.CopyToAsync(blob, cancellationToken);
        }

        UpdateReadProgress(connection, transaction, jobId, progress);
        FinishJob(connection, transaction, JobKind.Read, jobId);
        transaction.Commit();
    }

    public Stream? OpenReadResult(long jobId)
    {
        var connection = Open();
        try
        {
            using var check = connection.CreateCommand("SELECT result IS NOT NULL FROM read_jobs WHERE id = $id", ("$id", jobId));
            if (check.ExecuteScalar() is not long hasResult || hasResult == 0)
            {
                connection.Dispose();
                return null;
            }

            return new OwningStream(new SqliteBlob(connection, "read_jobs", "result", jobId, readOnly: true), connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public Task SyncUsersAsync(IReadOnlyList<User> users, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var clear = connection.CreateCommand("DELETE FROM org_users"))
        {
            clear.Transaction = transaction;
            clear.ExecuteNonQuery();
        }

        foreach (var user in users)
        {
            using var insert = connection.CreateCommand(
                "INSERT INTO org_users (id, first_name, last_name, full_name, email) VALUES ($id, $first, $last, $full, $email)",
                ("$id", user.Id), ("$first", user.FirstName), ("$last", user.LastName), ("$full", user.FullName), ("$email", user.Email));
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<object?[]> ExportAsync(ExportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var builder = new ExportSqlBuilder(query);
        var sql = builder.BuildSelect();
        using var connection = Open();
        using var command = connection.CreateCommand(sql, [.. builder.Parameters]);
        // The reader steps through SQLite's result one row at a time: memory stays flat for a 200,000-row page.
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var fields = query.Columns.Select(c => c.ValueField).ToArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[fields.Length + 1];
            for (var i = 0; i < fields.Length; i++)
            {
                row[i] = SqliteValues.FromDb(fields[i], reader.GetValue(i));
            }

            row[fields.Length] = reader.GetInt64(fields.Length);
            yield return row;
        }
    }

    public Task<bool> HasRecordsBeyondAsync(ExportQuery query, CancellationToken cancellationToken = default)
    {
        var builder = new ExportSqlBuilder(query);
        var sql = builder.BuildBeyond();
        using var connection = Open();
        using var command = connection.CreateCommand(sql, [.. builder.Parameters]);
        return Task.FromResult(command.ExecuteScalar() is not null);
    }

    private static void UpdateReadProgress(SqliteConnection connection, SqliteTransaction? transaction, long jobId, ReadProgress progress)
    {
        using var command = connection.CreateCommand(
            """
            UPDATE read_jobs SET state = $state, count = $count, per_page = $perPage, more_records = $more,
                error_code = $code, error_message = $message, completed_time = $completed
            WHERE id = $id
            """,
            ("$id", jobId), ("$state", progress.State), ("$count", progress.Count), ("$perPage", progress.PerPage),
            ("$more", progress.MoreRecords ? 1 : 0), ("$code", progress.ErrorCode), ("$message", progress.ErrorMessage),
            ("$completed", progress.CompletedTime is { } t ? SqliteValues.FormatTime(t) : null));
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
