using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Jobs;
using Npgsql;
using NpgsqlTypes;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    public async Task CreateReadJobAsync(BulkReadJobDefinition definition, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO read_jobs (id, definition, state) VALUES (@id, @definition, @state)", cancellationToken,
            P("id", definition.Id), P("definition", JsonSerializer.Serialize(definition, DefinitionJson)), P("state", BulkReadState.Added));
    }

    public async Task<ReadJob?> GetReadJobAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT definition, state, count, per_page, more_records, error_code, error_message, completed_time FROM read_jobs WHERE id = @id",
            P("id", jobId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var definition = JsonSerializer.Deserialize<BulkReadJobDefinition>(reader.GetString(0), DefinitionJson)!;
        var progress = new ReadProgress
        {
            State = reader.GetString(1),
            Count = reader.GetInt32(2),
            PerPage = reader.GetInt32(3),
            MoreRecords = reader.GetBoolean(4),
            ErrorCode = reader.IsDBNull(5) ? null : reader.GetString(5),
            ErrorMessage = reader.IsDBNull(6) ? null : reader.GetString(6),
            CompletedTime = reader.IsDBNull(7) ? null : PostgreSqlValues.ReadTime(reader.GetDateTime(7)),
        };
        return new ReadJob(definition, progress);
    }

    public async Task<IReadOnlyList<long>> ListUnfinishedReadJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT id FROM read_jobs WHERE state NOT IN (@completed, @failure) ORDER BY id",
            P("completed", BulkReadState.Completed), P("failure", BulkReadState.Failure));
        return await ReadIdsAsync(command, cancellationToken);
    }

    public async Task SetReadProgressAsync(long jobId, ReadProgress progress, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = UpdateReadProgressCommand(connection, jobId, progress))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (BulkReadState.IsFinished(progress.State))
        {
            FinishJob(connection, JobKind.Read, jobId);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CompleteReadJobAsync(long jobId, Stream resultZip, ReadProgress progress, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The zip streams from its (seekable) temp file into the bytea, as an upload does.
        await connection.ExecuteAsync("UPDATE read_jobs SET result = @result WHERE id = @id", cancellationToken,
            P("result", resultZip, NpgsqlDbType.Bytea), P("id", jobId));
        await using (var update = UpdateReadProgressCommand(connection, jobId, progress))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        FinishJob(connection, JobKind.Read, jobId);
        await transaction.CommitAsync(cancellationToken);
    }

    public Stream? OpenReadResult(long jobId) => PostgreSqlBlobStream.Open(Open(), "read_jobs", "result", jobId);

    public async Task SyncUsersAsync(IReadOnlyList<User> users, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM org_users", cancellationToken);
        foreach (var user in users)
        {
            await connection.ExecuteAsync(
                "INSERT INTO org_users (id, first_name, last_name, full_name, email) VALUES (@id, @first, @last, @full, @email)",
                cancellationToken,
                P("id", user.Id), P("first", user.FirstName, NpgsqlDbType.Text), P("last", user.LastName), P("full", user.FullName), P("email", user.Email));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlCommand UpdateReadProgressCommand(NpgsqlConnection connection, long jobId, ReadProgress progress) =>
        connection.Command(
            """
            UPDATE read_jobs SET state = @state, count = @count, per_page = @perPage, more_records = @more,
                error_code = @code, error_message = @message, completed_time = @completed
            WHERE id = @id
            """,
            P("id", jobId), P("state", progress.State), P("count", progress.Count), P("perPage", progress.PerPage),
            P("more", progress.MoreRecords), P("code", progress.ErrorCode, NpgsqlDbType.Text), P("message", progress.ErrorMessage, NpgsqlDbType.Text),
            P("completed", progress.CompletedTime is { } t ? PostgreSqlValues.Time(t) : null, NpgsqlDbType.TimestampTz));
}
