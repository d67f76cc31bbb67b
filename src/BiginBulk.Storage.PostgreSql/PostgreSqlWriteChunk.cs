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
    private readonly List<(int RowNumber, string Status, long? RecordId, string Errors, string Echo)> _results = [];
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

    public Task<ChunkAnswers> ResolveAsync(ChunkKeys keys, CancellationToken cancellationToken) =>
        _records.ResolveAsync(keys, cancellationToken);

    public Task ApplyAsync(ChunkWrites writes, CancellationToken cancellationToken) =>
        _records.ApplyAsync(writes, cancellationToken);

    /// <summary>
    /// Buffers the row's result; <see cref="Commit"/> copies the chunk's results in one binary COPY. write_results
    /// has no generated column, default or trigger and every column is named, so COPY straight into it stores
    /// what one INSERT per row did; nothing reads a chunk's results before it commits.
    /// </summary>
    public void AddResult(WriteResultRow row) =>
        _results.Add((row.Outcome.RowNumber, row.Outcome.StatusName, row.Outcome.RecordId, row.Outcome.FormatErrors(), JsonSerializer.Serialize(row.Echo)));

    public void Commit(BulkWriteProgress progress)
    {
        CopyResults();

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

    private void CopyResults()
    {
        if (_results.Count == 0)
        {
            return;
        }

        using (var importer = _connection.BeginBinaryImport("COPY write_results (job_id, row_number, status, record_id, errors, echo) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (rowNumber, status, recordId, errors, echo) in _results)
            {
                importer.StartRow();
                importer.Write(_jobId, NpgsqlDbType.Bigint);
                importer.Write(rowNumber, NpgsqlDbType.Integer);
                importer.Write(status, NpgsqlDbType.Text);
                if (recordId is { } id)
                {
                    importer.Write(id, NpgsqlDbType.Bigint);
                }
                else
                {
                    importer.WriteNull();
                }

                importer.Write(errors, NpgsqlDbType.Text);
                importer.Write(echo, NpgsqlDbType.Text);
            }

            importer.Complete();
        }

        _results.Clear();
    }

    public void Dispose()
    {
        if (!_committed && _transaction.Connection is not null)
        {
            _transaction.Rollback();
        }

        _records.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }
}
