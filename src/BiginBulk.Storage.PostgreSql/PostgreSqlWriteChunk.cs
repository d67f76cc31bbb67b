using System.Text.Json;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;
using Npgsql;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// One transaction of a running write job. It first takes the org's write lock (an advisory lock held until
/// commit): SQLite's BEGIN IMMEDIATE serializes an org's writers, and without the same here two jobs checking
/// the same unique value at once would both pass the check and one would fail on the index, where SQLite
/// makes the second see the first's row and report DUPLICATE_DATA.
/// </summary>
internal sealed class PostgreSqlWriteChunk : IWriteChunk
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly long _jobId;
    private readonly JobLease _lease;
    private readonly PostgreSqlRecordSession _records;
    private NpgsqlCommand? _insertResult;
    private bool _committed;

    public PostgreSqlWriteChunk(NpgsqlConnection connection, long jobId, JobLease lease, string writeLockKey)
    {
        _connection = connection;
        _jobId = jobId;
        _lease = lease;
        try
        {
            _transaction = connection.BeginTransaction();
            connection.Lock(writeLockKey);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _records = new PostgreSqlRecordSession(connection);
    }

    public IRecordSession Records => _records;

    public void AddResult(WriteResultRow row)
    {
        if (_insertResult is null)
        {
            _insertResult = _connection.Command(
                "INSERT INTO write_results (job_id, row_number, status, record_id, errors, echo) VALUES (@job, @row, @status, @record, @errors, @echo)",
                new NpgsqlParameter("job", NpgsqlDbType.Bigint), new NpgsqlParameter("row", NpgsqlDbType.Integer),
                new NpgsqlParameter("status", NpgsqlDbType.Text), new NpgsqlParameter("record", NpgsqlDbType.Bigint),
                new NpgsqlParameter("errors", NpgsqlDbType.Text), new NpgsqlParameter("echo", NpgsqlDbType.Text));
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
        using (var renew = PostgreSqlOrgStore.RenewLeaseCommand(_connection, JobKind.Write, _jobId, _lease with { Now = DateTimeOffset.UtcNow }))
        {
            if (renew.ExecuteNonQuery() != 1)
            {
                throw new LeaseLostException($"Write job {_jobId} is no longer leased to {_lease.Owner}.");
            }
        }

        using (var update = PostgreSqlOrgStore.UpdateProgressCommand(_connection, _jobId, progress))
        {
            update.ExecuteNonQuery();
        }

        if (BulkWriteStatus.IsFinished(progress.Status))
        {
            PostgreSqlOrgStore.FinishJob(_connection, JobKind.Write, _jobId);
        }

        _transaction.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && _transaction.Connection is not null)
        {
            _transaction.Rollback();
        }

        _insertResult?.Dispose();
        _records.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }
}
