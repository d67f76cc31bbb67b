using System.Text.Json;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Relational;
using Npgsql;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's write chunk: its records go through a <see cref="PostgreSqlRecordSession"/> (binary COPY staging)
/// and the rows' results are buffered and copied in one binary COPY before the commit.
/// </summary>
internal sealed class PostgreSqlWriteChunk : RelationalWriteChunk
{
    private readonly NpgsqlConnection _connection;
    private readonly PostgreSqlRecordSession _records;
    private readonly List<(int RowNumber, string Status, long? RecordId, string Errors, string Echo)> _results = [];

    public PostgreSqlWriteChunk(RelationalOrgStore store, RelationalConnection db, long jobId, JobLease lease)
        : base(store, db, jobId, lease)
    {
        _connection = (NpgsqlConnection)db.Connection;
        _records = new PostgreSqlRecordSession(_connection);
    }

    public override IRecordSession Records => _records;

    public override Task<ChunkAnswers> ResolveAsync(ChunkKeys keys, CancellationToken cancellationToken) =>
        _records.ResolveAsync(keys, cancellationToken);

    public override Task ApplyAsync(ChunkWrites writes, CancellationToken cancellationToken) =>
        _records.ApplyAsync(writes, cancellationToken);

    /// <summary>
    /// Buffers the row's result; the commit copies the chunk's results in one binary COPY. write_results
    /// has no generated column, default or trigger and every column is named, so COPY straight into it stores
    /// what one INSERT per row did; nothing reads a chunk's results before it commits.
    /// </summary>
    public override void AddResult(WriteResultRow row) =>
        _results.Add((row.Outcome.RowNumber, row.Outcome.StatusName, row.Outcome.RecordId, row.Outcome.FormatErrors(), JsonSerializer.Serialize(row.Echo)));

    protected override async Task FlushResultsAsync(CancellationToken cancellationToken)
    {
        if (_results.Count == 0)
        {
            return;
        }

        await using (var importer = await _connection.BeginBinaryImportAsync(
            "COPY write_results (job_id, row_number, status, record_id, errors, echo) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (rowNumber, status, recordId, errors, echo) in _results)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(JobId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(rowNumber, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(status, NpgsqlDbType.Text, cancellationToken);
                if (recordId is { } id)
                {
                    await importer.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }

                await importer.WriteAsync(errors, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(echo, NpgsqlDbType.Text, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        _results.Clear();
    }

    protected override void DisposeResources() => _records.Dispose();
}
