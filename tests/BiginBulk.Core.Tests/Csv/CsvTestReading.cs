using System.Text;
using BiginBulk.Core.Csv;

namespace BiginBulk.Core.Tests.Csv;

/// <summary>Opens real CSV bytes through a non-seekable, chunked stream and collects the rows.</summary>
internal static class CsvTestReading
{
    public static Task<CsvRowReader> OpenAsync(string text, CsvReaderOptions? options = null) =>
        OpenAsync(Encoding.UTF8.GetBytes(text), options);

    public static Task<CsvRowReader> OpenAsync(byte[] bytes, CsvReaderOptions? options = null) =>
        CsvRowReader.OpenAsync(new ChunkedStream(bytes), options, TestContext.Current.CancellationToken);

    public static async Task<List<CsvRow>> ReadAllAsync(CsvRowReader reader)
    {
        var rows = new List<CsvRow>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(reader.Current);
        }

        return rows;
    }

    public static async Task<(CsvRowReader Reader, List<CsvRow> Rows)> ReadAllAsync(string text, CsvReaderOptions? options = null)
    {
        var reader = await OpenAsync(text, options);
        return (reader, await ReadAllAsync(reader));
    }
}
