using System.Text.Json;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// SQLite's write chunk: its records go through a <see cref="SqliteRecordSession"/> of prepared statements and
/// each row's result through one prepared INSERT, all in the chunk's <c>BEGIN IMMEDIATE</c> transaction.
/// </summary>
internal sealed class SqliteWriteChunk : RelationalWriteChunk
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteRecordSession _records;
    private SqliteCommand? _insertResult;

    public SqliteWriteChunk(RelationalOrgStore store, RelationalConnection db, long jobId, JobLease lease)
        : base(store, db, jobId, lease)
    {
        _connection = (SqliteConnection)db.Connection;
        _transaction = (SqliteTransaction)db.Transaction!;
        _records = new SqliteRecordSession(_connection, _transaction);
    }

    public override IRecordSession Records => _records;

    // SQLite's driver is synchronous: the work runs here, checking the token between statements.
    public override Task<ChunkAnswers> ResolveAsync(ChunkKeys keys, CancellationToken cancellationToken) =>
        Task.FromResult(_records.Resolve(keys, cancellationToken));

    public override Task ApplyAsync(ChunkWrites writes, CancellationToken cancellationToken)
    {
        _records.Apply(writes, cancellationToken);
        return Task.CompletedTask;
    }

    public override void AddResult(WriteResultRow row)
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
        p[0].Value = JobId;
        p[1].Value = row.Outcome.RowNumber;
        p[2].Value = row.Outcome.StatusName;
        p[3].Value = row.Outcome.RecordId is { } id ? id : DBNull.Value;
        p[4].Value = row.Outcome.FormatErrors();
        p[5].Value = JsonSerializer.Serialize(row.Echo);
        _insertResult.ExecuteNonQuery();
    }

    protected override void DisposeResources()
    {
        _insertResult?.Dispose();
        _records.Dispose();
    }
}
