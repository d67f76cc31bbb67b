using System.Globalization;
using System.Text;
using BiginBulk.Core.Csv;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// Writes a bulk write job's result CSV (the file inside the result zip): the first three mapped columns
/// of the uploaded file, echoed, then <c>STATUS</c>, <c>RECORD_ID</c> and <c>ERRORS</c>. Rows go out one at
/// a time, in input order, so a 25,000-row job never holds its result in memory.
/// </summary>
/// <remarks>
/// UTF-8 without a BOM, comma-delimited, CRLF line ends and RFC 4180 quoting: a cell is quoted only when
/// it holds a comma, quote, CR or LF, with quotes doubled. Zoho's own line ending is not documented; RFC
/// 4180 is what spreadsheet tools and CSV readers expect. Cells are echoed verbatim, as Zoho does.
/// This is push-style (the job processor hands over each outcome as it commits), which Sylvan's
/// <c>CsvDataWriter</c> — it pulls from a whole <c>DbDataReader</c> — doesn't fit; the quoting is a few
/// lines and the tests read the output back with Sylvan's reader.
/// </remarks>
public sealed class ResultCsvWriter : IAsyncDisposable, IDisposable
{
    public const string StatusHeader = "STATUS";
    public const string RecordIdHeader = "RECORD_ID";
    public const string ErrorsHeader = "ERRORS";

    /// <summary>Zoho echoes at most the first three mapped columns.</summary>
    public const int MaxEchoedColumns = 3;

    private const string NewLine = CsvText.NewLine;

    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;
    private readonly StringBuilder _line = new();
    private bool _headerWritten;
    private bool _disposed;

    /// <summary>Writes to <paramref name="writer"/>; disposing this disposes it unless <paramref name="leaveOpen"/>.</summary>
    /// <param name="echoedHeaders">Header names of the first (up to three) mapped columns, in file order.</param>
    public ResultCsvWriter(TextWriter writer, IReadOnlyList<string> echoedHeaders, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(echoedHeaders);
        if (echoedHeaders.Count > MaxEchoedColumns)
        {
            throw new ArgumentException($"At most {MaxEchoedColumns} columns are echoed, not {echoedHeaders.Count}.", nameof(echoedHeaders));
        }

        _writer = writer;
        _leaveOpen = leaveOpen;
        EchoedHeaders = [.. echoedHeaders];
    }

    /// <summary>The encoding of <see cref="Create"/>: UTF-8 without a byte-order mark.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public IReadOnlyList<string> EchoedHeaders { get; }

    public int RowsWritten { get; private set; }

    /// <summary>Writes UTF-8 (no BOM) to <paramref name="stream"/>, disposing it unless <paramref name="leaveOpen"/>.</summary>
    public static ResultCsvWriter Create(Stream stream, IReadOnlyList<string> echoedHeaders, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new StreamWriter(stream, Encoding, bufferSize: 16 * 1024, leaveOpen);
        return new ResultCsvWriter(writer, echoedHeaders, leaveOpen: false);
    }

    /// <summary>Writes one result line; the header goes out before the first.</summary>
    /// <param name="echoedCells">The row's cells under <see cref="EchoedHeaders"/>, one each (empty for a missing cell).</param>
    public async Task WriteRowAsync(IReadOnlyList<string?> echoedCells, RowOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(echoedCells);
        ArgumentNullException.ThrowIfNull(outcome);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (echoedCells.Count != EchoedHeaders.Count)
        {
            throw new ArgumentException($"Expected {EchoedHeaders.Count} echoed cells, got {echoedCells.Count}.", nameof(echoedCells));
        }

        AppendHeaderIfFirst();
        foreach (var cell in echoedCells)
        {
            AppendCell(cell).Append(',');
        }

        AppendCell(outcome.StatusName).Append(',');
        AppendCell(outcome.RecordId?.ToString(CultureInfo.InvariantCulture)).Append(',');
        AppendCell(outcome.FormatErrors()).Append(NewLine);
        await _writer.WriteAsync(_line, cancellationToken);
        _line.Clear();
        RowsWritten++;
    }

    /// <summary>Flushes what was written; a file with no rows still gets its header.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (AppendHeaderIfFirst())
        {
            await _writer.WriteAsync(_line, cancellationToken);
            _line.Clear();
        }

        await _writer.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await FlushAsync();
        _disposed = true;
        if (!_leaveOpen)
        {
            await _writer.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (AppendHeaderIfFirst())
        {
            _writer.Write(_line);
            _line.Clear();
        }

        _writer.Flush();
        _disposed = true;
        if (!_leaveOpen)
        {
            _writer.Dispose();
        }
    }

    /// <summary>Adds the header line to the pending text the first time; true when it did.</summary>
    private bool AppendHeaderIfFirst()
    {
        if (_headerWritten)
        {
            return false;
        }

        foreach (var header in EchoedHeaders)
        {
            AppendCell(header).Append(',');
        }

        _line.Append(StatusHeader).Append(',').Append(RecordIdHeader).Append(',').Append(ErrorsHeader).Append(NewLine);
        _headerWritten = true;
        return true;
    }

    private StringBuilder AppendCell(string? cell) => CsvText.AppendField(_line, cell);
}
