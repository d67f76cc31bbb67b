using System.IO.Compression;
using Sylvan.Data.Csv;

namespace BiginBulk.Client;

internal sealed class ImportReader(CsvDataReader csv, TextReader text, ZipArchive? archive) : IAsyncDisposable
{
    public IReadOnlyList<string> Header { get; } = [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetName)];

    public async Task<string[]?> ReadAsync(CancellationToken cancellationToken)
    {
        do
        {
            if (!await csv.ReadAsync(cancellationToken))
            {
                return null;
            }
        }
        // A blank line is no row: the server ignores blank lines too, so counting one would shift every later row number.
        while (csv.RowFieldCount == 0 || (csv.RowFieldCount == 1 && csv.GetString(0).Length == 0));

        var row = new string[csv.RowFieldCount];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = csv.GetString(i);
        }

        return row;
    }

    public async ValueTask DisposeAsync()
    {
        await csv.DisposeAsync();
        text.Dispose();
        archive?.Dispose();
    }
}
