using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace BiginBulk.Core.Csv;

/// <summary>
/// Streams the rows of an uploaded CSV for the bulk-write worker, as real spreadsheets write them: any of the
/// four delimiters, quoted values holding delimiters, doubled quotes and line breaks, CRLF or LF, in the
/// encoding detected or named. Memory stays flat whatever the file size: only the 64 KiB detection sample and
/// the current row are held.
/// </summary>
/// <remarks>
/// <para><b>Blank lines</b> (empty, or only white space) are skipped wherever they are and do not get a row
/// number, as Zoho ignores them; so the numbering depends only on the file and a resumed job skips exactly the
/// rows it processed. A line of bare delimiters (<c>,,,</c>) is not blank: it is a row of empty values.</para>
/// <para><b>Ragged rows</b> are returned with a <see cref="CsvRow.Problem"/>: fewer values than header columns,
/// or extra values that are not empty. Extra empty values (a trailing delimiter) lose nothing and are dropped.</para>
/// <para><b>Quotes.</b> A quote inside an unquoted value (<c>5" screen</c>) is kept as text. A value that starts
/// with a quote must end with a quote followed by the delimiter or the end of the line. When it does not (a
/// quote never closed, which would swallow the rest of the file, or text after the closing quote), the row
/// where that value starts is returned with empty fields and a <see cref="CsvRow.Problem"/> naming the row,
/// and reading stops there: <see cref="ReadAsync"/> then returns false and <see cref="Fault"/> says that this
/// row and every row after it were not read. The parser cannot find where the next row starts, so guessing
/// would risk importing garbage; stopping loudly loses nothing silently.</para>
/// <para><b>Over-long rows.</b> A row longer than <see cref="CsvReaderOptions.MaxRowLength"/> is returned with
/// empty fields and a problem, and reading goes on at the next row (<see cref="CsvRecordGuard"/> finds it with
/// the same quoting rules). Only when the over-long row is a quoted value never closed before the end of the
/// file does reading stop, as above.</para>
/// <para><b>Undecodable bytes</b> become U+FFFD, and the rows holding them get a problem.</para>
/// </remarks>
public sealed partial class CsvRowReader : IDisposable, IAsyncDisposable
{
    private readonly CsvDataReader _data;
    private readonly DecodeFailureFallback _decodeFailures;
    private readonly int _maxRowLength;
    private bool _finished;
    private CsvRow? _current;

    private CsvRowReader(CsvDataReader data, CsvEncodingDetection detection, char delimiter, DecodeFailureFallback decodeFailures, int maxRowLength)
    {
        _data = data;
        _decodeFailures = decodeFailures;
        _maxRowLength = maxRowLength;
        Encoding = detection.Encoding;
        EncodingName = detection.Name;
        Delimiter = delimiter;
    }

    /// <summary>The encoding the file is decoded with.</summary>
    public Encoding Encoding { get; }

    /// <summary>The canonical name of <see cref="Encoding"/>, reported as the job's <c>character_encoding</c>.</summary>
    public string EncodingName { get; }

    /// <summary>The delimiter detected from the header row.</summary>
    public char Delimiter { get; }

    /// <summary>The header row's column names, trimmed.</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>The row returned by the last successful <see cref="ReadAsync"/>.</summary>
    public CsvRow Current => _current ?? throw new InvalidOperationException("Call ReadAsync first; Current is only set after it returns true.");

    /// <summary>Data rows read or skipped so far; the number of the last one.</summary>
    public long RowCount { get; private set; }

    /// <summary>
    /// Null, or why reading stopped before the end of the file (broken quoting, an over-long row): the rows from
    /// <see cref="RowCount"/> on were not read and must be reported as such.
    /// </summary>
    public string? Fault { get; private set; }

    /// <summary>Reads the next data row into <see cref="Current"/>; false at the end of the file or after a fault.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        _current = await NextAsync(cancellationToken) switch
        {
            Step.Row => BuildRow(),
            Step.TooLong => new CsvRow(RowCount, EmptyFields(), Invariant($"Row {RowCount} is longer than {_maxRowLength} characters; it was skipped and reading went on with the next row.")),
            Step.Broken => new CsvRow(RowCount, EmptyFields(), Fault) { StopsReading = true },
            _ => null,
        };
        return _current is not null;
    }

    /// <summary>
    /// Skips <paramref name="count"/> data rows without building them, to resume a job after its checkpoint.
    /// Returns how many were skipped: fewer when the file ends (or reading stops at a fault) first.
    /// </summary>
    public async ValueTask<long> SkipRowsAsync(long count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _current = null;
        long skipped = 0;
        while (skipped < count && await NextAsync(cancellationToken) != Step.End)
        {
            skipped++;
        }

        return skipped;
    }

    public void Dispose() => _data.Dispose();

    public ValueTask DisposeAsync() => _data.DisposeAsync();

    private enum Step
    {
        Row,
        TooLong,
        Broken,
        End,
    }

    private async ValueTask<Step> NextAsync(CancellationToken cancellationToken)
    {
        while (!_finished)
        {
            bool more;
            try
            {
                more = await _data.ReadAsync(cancellationToken);
            }
            catch (CsvFormatException ex)
            {
                _finished = true;
                RowCount++;
                Fault = BrokenRowMessage(ex);
                return Step.Broken;
            }

            if (!more)
            {
                _finished = true;
                break;
            }

            if (IsMarker(CsvRecordGuard.NeverClosedMarker))
            {
                _finished = true;
                RowCount++;
                Fault = Invariant($"Row {RowCount} is longer than {_maxRowLength} characters because a quoted value that starts in it is never closed.") + StoppedSuffix;
                return Step.Broken;
            }

            if (IsMarker(CsvRecordGuard.TooLongMarker))
            {
                RowCount++;
                return Step.TooLong;
            }

            if (!IsBlankRecord())
            {
                RowCount++;
                return Step.Row;
            }
        }

        return Step.End;
    }

    /// <summary>Whether the record is one that <see cref="CsvRecordGuard"/> put in place of an over-long row.</summary>
    private bool IsMarker(char marker) =>
        _data.RowFieldCount == 1 && _data.GetFieldSpan(0) is [var only] && only == marker;

    private bool IsBlankRecord() =>
        _data.RowFieldCount == 0 || (_data.RowFieldCount == 1 && _data.GetFieldSpan(0).IsWhiteSpace());

    private CsvRow BuildRow()
    {
        var width = Headers.Count;
        var present = _data.RowFieldCount;
        var fields = EmptyFields();
        for (var i = 0; i < Math.Min(width, present); i++)
        {
            fields[i] = _data.GetString(i);
        }

        string? problem = null;
        if (present < width)
        {
            problem = Invariant($"Row {RowCount} has {present} values but the header has {width} columns.");
        }
        else if (present > width && HasExtraValues(width, present))
        {
            problem = Invariant($"Row {RowCount} has {present} values but the header has {width} columns; the values after column {width} have no header.");
        }

        if (_decodeFailures.Triggered && fields.Any(f => f.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            var decoding = Invariant($"Row {RowCount} holds bytes that are not valid {EncodingName}; set character_encoding to the file's encoding.");
            problem = problem is null ? decoding : problem + " " + decoding;
        }

        return new CsvRow(RowCount, fields, problem);
    }

    private bool HasExtraValues(int width, int present)
    {
        for (var i = width; i < present; i++)
        {
            if (!_data.GetFieldSpan(i).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private const string StoppedSuffix = " Reading stopped here: this row and every row after it were not read.";

    private string BrokenRowMessage(CsvFormatException ex)
    {
        const string Stopped = StoppedSuffix;
        if (ex is CsvRecordTooLargeException)
        {
            return Invariant($"Row {RowCount} is longer than {_maxRowLength} characters, most likely because a quoted value that starts in it is never closed.") + Stopped;
        }

        var column = ex.FieldOrdinal >= 0 && ex.FieldOrdinal < Headers.Count
            ? Invariant($"column {ex.FieldOrdinal + 1} ('{Headers[ex.FieldOrdinal]}')")
            : Invariant($"column {ex.FieldOrdinal + 1}");
        return Invariant($"Row {RowCount}: the quoted value in {column} is not closed properly; a value that starts with a quote must end with a quote followed by the delimiter or the end of the line, and quotes inside it must be doubled.")
            + Stopped;
    }

    private string[] EmptyFields()
    {
        var fields = new string[Headers.Count];
        Array.Fill(fields, "");
        return fields;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
