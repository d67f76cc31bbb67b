using BiginBulk.Core.Csv;
using BiginBulk.Core.Uploads;

namespace BiginBulk.Server.Uploads;

/// <summary>The rows of a stored upload, owning the zip and its entry for as long as they are read.</summary>
internal sealed class UploadedCsvRows(Stream zip, ZipCsvEntry entry, CsvRowReader reader) : IAsyncDisposable
{
    public string EncodingName => reader.EncodingName;

    public CsvRow Current => reader.Current;

    /// <summary>Null, or why reading stopped before the end of the file (see <see cref="CsvRowReader.Fault"/>).</summary>
    public string? Fault => reader.Fault;

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => reader.ReadAsync(cancellationToken);

    public ValueTask<long> SkipRowsAsync(long count, CancellationToken cancellationToken) => reader.SkipRowsAsync(count, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await entry.DisposeAsync();
        await zip.DisposeAsync();
    }
}
