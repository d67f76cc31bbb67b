using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace BiginBulk.Core.Csv;

public sealed partial class CsvRowReader
{
    // Sylvan skips a record that starts with its comment character and cannot be told not to. A lone low
    // surrogate can never start a record: decoders replace unpaired surrogates, and a paired one follows its
    // high surrogate. So no comment can ever match and no row is ever skipped as a comment.
    private const char NoComment = '\uDC00';

    private const int StreamReaderBufferSize = 16 * 1024;

    /// <summary>
    /// Opens <paramref name="csv"/>, which may be a non-seekable zip entry stream: reads up to
    /// <see cref="CsvEncodingDetector.SampleSize"/> bytes to detect the encoding and delimiter, then keeps
    /// streaming from where it is, and reads the header row.
    /// </summary>
    /// <exception cref="ArgumentException">The <c>character_encoding</c> in <paramref name="options"/> is unknown.</exception>
    /// <exception cref="CsvHeaderException">The file has no header row, or its header row is not valid CSV.</exception>
    public static async Task<CsvRowReader> OpenAsync(Stream csv, CsvReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        options ??= CsvReaderOptions.Default;

        var sample = new byte[CsvEncodingDetector.SampleSize];
        var length = await csv.ReadAtLeastAsync(sample, sample.Length, throwOnEndOfStream: false, cancellationToken);
        var detection = CsvEncodingDetector.Detect(sample.AsSpan(0, length), options.CharacterEncoding, sampleIsWholeFile: length < sample.Length);
        var body = sample.AsMemory(detection.BomLength, length - detection.BomLength);
        var delimiter = CsvDelimiterDetector.Detect(detection.Encoding.GetString(body.Span));

        // A clone of the encoding carries our fallback, so the rows holding undecodable bytes can be named.
        var fallback = new DecodeFailureFallback();
        var decoding = (Encoding)detection.Encoding.Clone();
        decoding.DecoderFallback = fallback;

        var text = new CsvRecordGuard(
            new StreamReader(new PrefixedStream(body, csv, options.LeaveOpen), decoding, detectEncodingFromByteOrderMarks: false, StreamReaderBufferSize),
            delimiter,
            options.MaxRowLength);
        CsvDataReader? data = null;
        try
        {
            data = await CsvDataReader.CreateAsync(text, SylvanOptions(delimiter, options), cancellationToken);
            var reader = new CsvRowReader(data, detection, delimiter, fallback, options.MaxRowLength);
            reader.Headers = await reader.ReadHeaderAsync(cancellationToken);
            return reader;
        }
        catch
        {
            if (data is null)
            {
                text.Dispose();
            }
            else
            {
                await data.DisposeAsync();
            }

            throw;
        }
    }

    private static CsvDataReaderOptions SylvanOptions(char delimiter, CsvReaderOptions options) => new()
    {
        // The header is read as an ordinary record: Sylvan would read the first data row while opening and
        // throw for a broken one before we had the header to report it against.
        HasHeaders = false,
        Delimiter = delimiter,
        CsvStyle = CsvStyle.Standard,
        Comment = NoComment,
        // The guard in front hands Sylvan no record longer than MaxRowLength; the slack covers the line break and
        // Sylvan's own bookkeeping, so Sylvan's too-large error is only a last resort.
        BufferSize = Math.Clamp(options.MaxRowLength, 0x80, 64 * 1024),
        MaxBufferSize = (2 * Math.Max(options.MaxRowLength, 0x80)) + 0x80,
        OwnsReader = true,
    };

    private async Task<IReadOnlyList<string>> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            bool more;
            try
            {
                more = await _data.ReadAsync(cancellationToken);
            }
            catch (CsvFormatException ex)
            {
                throw new CsvHeaderException(
                    CsvHeaderProblem.NoHeader,
                    "The header row is not valid CSV: a column name that starts with a quote does not end with one.",
                    ex);
            }

            if (!more)
            {
                throw new CsvHeaderException(CsvHeaderProblem.EmptyFile, "The CSV file is empty: it has no header row.");
            }

            if (IsMarker(CsvRecordGuard.TooLongMarker) || IsMarker(CsvRecordGuard.NeverClosedMarker))
            {
                throw new CsvHeaderException(
                    CsvHeaderProblem.TooLong,
                    string.Create(CultureInfo.InvariantCulture, $"The header row is longer than {_maxRowLength} characters, so it has far more columns than allowed (or a column name that starts with a quote never ends)."));
            }

            if (!IsBlankRecord())
            {
                break;
            }
        }

        var headers = new string[_data.RowFieldCount];
        for (var i = 0; i < headers.Length; i++)
        {
            // A byte order mark can survive when an explicit character_encoding does not match the file's mark.
            headers[i] = _data.GetString(i).TrimStart('\uFEFF').Trim();
        }

        return headers;
    }
}
