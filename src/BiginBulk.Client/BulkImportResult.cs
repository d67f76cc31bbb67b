using System.Runtime.CompilerServices;
using System.Text;

namespace BiginBulk.Client;

/// <summary>
/// A finished import: its jobs, their totals, and the merged results in input order with row numbers of the
/// original file, written back as CSV with all the input's columns.
/// </summary>
public sealed class BulkImportResult
{
    private readonly ImportSource _source;

    internal BulkImportResult(ImportSource source, IReadOnlyList<BulkWriteOperation> jobs, long totalRows)
    {
        _source = source;
        Jobs = jobs;
        TotalRows = totalRows;
    }

    /// <summary>The bulk write jobs, one per part of the file, in file order.</summary>
    public IReadOnlyList<BulkWriteOperation> Jobs { get; }

    /// <summary>Data rows in the file.</summary>
    public long TotalRows { get; }

    /// <summary>Rows added.</summary>
    public long Added => Jobs.Sum(j => (long)(j.Status?.AddedCount ?? 0));

    /// <summary>Rows updated.</summary>
    public long Updated => Jobs.Sum(j => (long)(j.Status?.UpdatedCount ?? 0));

    /// <summary>Rows skipped (failed).</summary>
    public long Skipped => Jobs.Sum(j => (long)(j.Status?.SkippedCount ?? 0));

    /// <summary>Every job's result rows, in input order, numbered as rows of the original file.</summary>
    /// <param name="cancellationToken">Cancels the downloads.</param>
    public async IAsyncEnumerable<BulkWriteResultRow> GetResultsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var job in Jobs)
        {
            await foreach (var row in job.GetResultsAsync(cancellationToken))
            {
                yield return row;
            }
        }
    }

    /// <summary>Writes every input row with its STATUS, RECORD_ID and ERRORS appended.</summary>
    /// <param name="destination">Receives UTF-8 CSV.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Rows written.</returns>
    public Task<long> WriteResultCsvAsync(Stream destination, CancellationToken cancellationToken = default) =>
        WriteAsync(destination, failedOnly: false, cancellationToken);

    /// <summary>Writes the failed rows only, in the input's own columns, ready to fix and import again.</summary>
    /// <param name="destination">Receives UTF-8 CSV.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Rows written.</returns>
    public Task<long> WriteFailedRowsAsync(Stream destination, CancellationToken cancellationToken = default) =>
        WriteAsync(destination, failedOnly: true, cancellationToken);

    private async Task<long> WriteAsync(Stream destination, bool failedOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var input = await _source.OpenAsync(cancellationToken);
        var writer = new StreamWriter(destination, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\r\n" };
        await using (writer)
        {
            var header = failedOnly ? input.Header : [.. input.Header, "STATUS", "RECORD_ID", "ERRORS"];
            await writer.WriteLineAsync(CsvText.Line(header).AsMemory(), cancellationToken);
            long written = 0;
            await foreach (var result in GetResultsAsync(cancellationToken))
            {
                var fields = await input.ReadAsync(cancellationToken)
                    ?? throw new BulkApiException(200, null, $"The results have more rows than {_source.Path} (row {result.RowNumber}).", null, null);
                if (failedOnly && !result.Failed)
                {
                    continue;
                }

                var line = failedOnly ? fields : [.. fields, StatusText(result.Status), result.RecordId ?? "", result.ErrorsText];
                await writer.WriteLineAsync(CsvText.Line(line).AsMemory(), cancellationToken);
                written++;
            }

            if (await input.ReadAsync(cancellationToken) is not null)
            {
                throw new BulkApiException(200, null, $"The results have fewer rows than {_source.Path}.", null, null);
            }

            return written;
        }
    }

    private static string StatusText(BulkWriteRowStatus status) => status switch
    {
        BulkWriteRowStatus.Added => "ADDED",
        BulkWriteRowStatus.Updated => "UPDATED",
        _ => "SKIPPED",
    };
}
