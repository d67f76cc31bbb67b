using System.Data.Common;
using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    public async Task CreateReadJobAsync(BulkReadJobDefinition definition, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(
            "INSERT INTO read_jobs (id, definition, state) VALUES (@id, @definition, @state)", cancellationToken,
            ("id", definition.Id), ("definition", JsonSerializer.Serialize(definition, DefinitionJson)), ("state", BulkReadState.Added));
    }

    public async Task<ReadJob?> GetReadJobAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var jobs = await db.QueryAsync(
            "SELECT definition, state, count, per_page, more_records, error_code, error_message, completed_time FROM read_jobs WHERE id = @id",
            ReadReadJob, cancellationToken, ("id", jobId));
        return jobs.SingleOrDefault();
    }

    public async Task<IReadOnlyList<long>> ListUnfinishedReadJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.QueryAsync(
            "SELECT id FROM read_jobs WHERE state NOT IN (@completed, @failure) ORDER BY id", r => r.GetInt64(0), cancellationToken,
            ("completed", BulkReadState.Completed), ("failure", BulkReadState.Failure));
    }

    public async Task SetReadProgressAsync(long jobId, ReadProgress progress, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.BeginWriteAsync(null, cancellationToken);
        await UpdateReadProgressAsync(db, jobId, progress, cancellationToken);
        if (BulkReadState.IsFinished(progress.State))
        {
            await FinishJobAsync(db, JobKind.Read, jobId, cancellationToken);
        }

        await db.CommitAsync(cancellationToken);
    }

    public async Task CompleteReadJobAsync(long jobId, Stream resultZip, ReadProgress progress, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.BeginWriteAsync(null, cancellationToken);
        // The zip streams from its (seekable) temp file into the row, as an upload does.
        await Dialect.WriteBlobAsync(db, "read_jobs", "result", jobId, resultZip, resultZip.Length, cancellationToken);
        await UpdateReadProgressAsync(db, jobId, progress, cancellationToken);
        await FinishJobAsync(db, JobKind.Read, jobId, cancellationToken);
        await db.CommitAsync(cancellationToken);
    }

    public Stream? OpenReadResult(long jobId) => Dialect.OpenBlob(OpenSynchronously(), "read_jobs", "result", jobId);

    private static Task<int> UpdateReadProgressAsync(RelationalConnection db, long jobId, ReadProgress progress, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE read_jobs SET state = @state, count = @count, per_page = @perPage, more_records = @more,
                error_code = @code, error_message = @message, completed_time = @completed
            WHERE id = @id
            """,
            cancellationToken,
            ("id", jobId), ("state", progress.State), ("count", progress.Count), ("perPage", progress.PerPage),
            ("more", progress.MoreRecords), ("code", progress.ErrorCode), ("message", progress.ErrorMessage), ("completed", progress.CompletedTime));

    private ReadJob ReadReadJob(DbDataReader reader)
    {
        var definition = JsonSerializer.Deserialize<BulkReadJobDefinition>(reader.GetString(0), DefinitionJson)!;
        var progress = new ReadProgress
        {
            State = reader.GetString(1),
            Count = reader.GetInt32(2),
            PerPage = reader.GetInt32(3),
            MoreRecords = reader.GetBoolean(4),
            ErrorCode = reader.IsDBNull(5) ? null : reader.GetString(5),
            ErrorMessage = reader.IsDBNull(6) ? null : reader.GetString(6),
            CompletedTime = reader.IsDBNull(7) ? null : Dialect.ReadTime(reader, 7),
        };
        return new ReadJob(definition, progress);
    }
}
