using System.Text.Json;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// One transaction of a running write job. <c>BEGIN IMMEDIATE</c> takes the write lock up front so the
/// chunk never fails half-way on a lock upgrade.
/// </summary>
internal sealed class SqliteWriteChunk : IWriteChunk
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly long _jobId;
    private readonly JobLease _lease;
    private readonly SqliteRecordSession _records;
    private SqliteCommand? _insertResult;
    private bool _committed;

    public SqliteWriteChunk(SqliteConnection connection, long jobId, JobLease lease)
    {
        _connection = connection;
        _jobId = jobId;
        _lease = lease;
        _transaction = connection.BeginTransaction(deferred: false);
        _records = new SqliteRecordSession(connection, _transaction);
    }

    public IRecordSession Records => _records;

    // SQLite's driver is synchronous: the work runs here, checking the token between statements.
    public Task<ChunkAnswers> ResolveAsync(ChunkKeys keys, CancellationToken cancellationToken) =>
        Task.FromResult(_records.Resolve(keys, cancellationToken));

    public Task ApplyAsync(ChunkWrites writes, CancellationToken cancellationToken)
    {
        _records.Apply(writes, cancellationToken);
        return Task.CompletedTask;
    }

    public void AddResult(WriteResultRow row)
    {
        if (_insertResult is null)
        {
            _insertResult = _connection.CreateCommand();
            _insertResult.Transaction = _transaction;
            _insertResult.CommandText =
                "INSERT INTO write_results (job_id, row_number, status, record_id, errors, echo) VALUES ($job, $row, $status, $record, $errors, $echo)";
            foreach (var name in new[] { "$job", "$row", "$status", "$record", "$errors", "$echo" })
            {
                _insertResult.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _insertResult.Prepare();
        }

        var p = _insertResult.Parameters;
        p[0].Value = _jobId;
        p[1].Value = row.Outcome.RowNumber;
        p[2].Value = row.Outcome.StatusName;
        p[3].Value = row.Outcome.RecordId is { } id ? id : DBNull.Value;
        p[4].Value = row.Outcome.FormatErrors();
        p[5].Value = JsonSerializer.Serialize(row.Echo);
        _insertResult.ExecuteNonQuery();
    }

    public void Commit(BulkWriteProgress progress)
    {
        // The lease is checked inside the transaction: if another worker took the job over, nothing of this
        // chunk becomes visible, so no row is applied twice.
        if (!SqliteOrgStore.RenewLease(_connection, _transaction, JobKind.Write, _jobId, _lease with { Now = DateTimeOffset.UtcNow }))
        {
            throw new LeaseLostException($"Write job {_jobId} is no longer leased to {_lease.Owner}.");
        }

        SqliteOrgStore.UpdateProgress(_connection, _jobId, progress, _transaction);
        if (BulkWriteStatus.IsFinished(progress.Status))
        {
            SqliteOrgStore.FinishJob(_connection, _transaction, JobKind.Write, _jobId);
        }

        _transaction.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            _transaction.Rollback();
        }

        _insertResult?.Dispose();
        _records.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }
}
