using System.Text;
using BiginBulk.Core.Csv;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// Writes a bulk read export: header = the requested field API names in order, then <c>id</c> (Zoho adds it
/// to every export, unless the request named it); lookups export the looked-up record's id, dot fields their value, dates ISO 8601.
/// One row at a time, so a 200,000-record page never sits in memory.
/// </summary>
public sealed class ExportCsvWriter : IAsyncDisposable
{
    public const string IdHeader = "id";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new();
    private readonly int _columns;
    private readonly bool _appendId;

    public ExportCsvWriter(Stream stream, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _writer = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
        _columns = headers.Count;

        // A client that asks for "id" itself gets it where it asked, not a second identical column at the end.
        _appendId = !headers.Contains(IdHeader, StringComparer.OrdinalIgnoreCase);
        var names = _appendId ? [.. headers, IdHeader] : headers;
        for (var i = 0; i < names.Count; i++)
        {
            CsvText.AppendField(_line, names[i]).Append(i == names.Count - 1 ? CsvText.NewLine : ",");
        }
    }

    public int RowsWritten { get; private set; }

    /// <summary>Writes one record: <paramref name="values"/> holds the columns' typed values, then the record id.</summary>
    public async Task WriteRowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var last = _appendId ? _columns : _columns - 1;
        for (var i = 0; i <= last; i++)
        {
            CsvText.AppendField(_line, ValueFormatter.Format(values[i]));
            _line.Append(i == last ? CsvText.NewLine : ",");
        }

        if (_line.Length > 32 * 1024)
        {
            await _writer.WriteAsync(_line, cancellationToken);
            _line.Clear();
        }

        RowsWritten++;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.WriteAsync(_line);
        _line.Clear();
        await _writer.DisposeAsync();
    }
}
