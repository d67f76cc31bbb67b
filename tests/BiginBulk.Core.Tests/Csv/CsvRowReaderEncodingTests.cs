using System.Text;
using BiginBulk.Core.Csv;
using static BiginBulk.Core.Tests.Csv.CsvTestReading;

namespace BiginBulk.Core.Tests.Csv;

public sealed class CsvRowReaderEncodingTests
{
    private const string Text = "Last_Name;City;Price\nDupré;Zürich;10 €\nMüller;Düsseldorf;5 €\n";

    static CsvRowReaderEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<(CsvRowReader Reader, List<CsvRow> Rows)> ReadBytesAsync(byte[] bytes, string? encoding = null)
    {
        var reader = await OpenAsync(bytes, new CsvReaderOptions { CharacterEncoding = encoding });
        return (reader, await ReadAllAsync(reader));
    }

    private static byte[] WithPreamble(Encoding encoding, string text) => encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

    [Fact]
    public async Task Utf8_with_a_byte_order_mark_reads_without_the_mark_in_the_first_header()
    {
        var (reader, rows) = await ReadBytesAsync(WithPreamble(Encoding.UTF8, Text));
        await using var _ = reader;

        Assert.Equal("UTF-8", reader.EncodingName);
        Assert.Equal(["Last_Name", "City", "Price"], reader.Headers);
        Assert.Equal(["Dupré", "Zürich", "10 €"], rows[0].Fields);
    }

    [Fact]
    public async Task Utf8_without_a_byte_order_mark_reads()
    {
        var (reader, rows) = await ReadBytesAsync(Encoding.UTF8.GetBytes(Text));
        await using var _ = reader;

        Assert.Equal("UTF-8", reader.EncodingName);
        Assert.Equal(["Müller", "Düsseldorf", "5 €"], rows[1].Fields);
    }

    [Fact]
    public async Task Utf16_little_endian_with_a_byte_order_mark_reads()
    {
        var (reader, rows) = await ReadBytesAsync(WithPreamble(Encoding.Unicode, Text));
        await using var _ = reader;

        Assert.Equal(("UTF-16LE", ';'), (reader.EncodingName, reader.Delimiter));
        Assert.Equal(["Last_Name", "City", "Price"], reader.Headers);
        Assert.Equal(["Dupré", "Zürich", "10 €"], rows[0].Fields);
    }

    [Fact]
    public async Task Windows_1252_accents_and_euro_signs_are_detected_and_decoded()
    {
        var (reader, rows) = await ReadBytesAsync(Encoding.GetEncoding(1252).GetBytes(Text));
        await using var _ = reader;

        Assert.Equal("windows-1252", reader.EncodingName);
        Assert.Equal(["Dupré", "Zürich", "10 €"], rows[0].Fields);
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task An_explicit_encoding_overrides_detection()
    {
        var (reader, rows) = await ReadBytesAsync(Encoding.UTF8.GetBytes(Text), "ISO-8859-1");
        await using var _ = reader;

        Assert.Equal("ISO-8859-1", reader.EncodingName);
        Assert.Equal("DuprÃ©", rows[0].Fields[0]);
    }

    [Fact]
    public async Task Rows_with_bytes_invalid_in_the_detected_encoding_get_a_problem()
    {
        // The first 64 KiB are ASCII, so detection says UTF-8; a windows-1252 'é' comes after the sample.
        var text = new StringBuilder("Last_Name,City\n");
        var row = 0;
        while (text.Length < CsvEncodingDetector.SampleSize + 100)
        {
            text.Append("Boyle,Paris\n");
            row++;
        }

        var bytes = Encoding.ASCII.GetBytes(text.ToString()).Concat(Encoding.GetEncoding(1252).GetBytes("Dupré,Genève\nSmith,Rome\n")).ToArray();

        var (reader, rows) = await ReadBytesAsync(bytes);
        await using var _ = reader;

        Assert.Equal("UTF-8", reader.EncodingName);
        var bad = Assert.Single(rows, r => r.Problem is not null);
        Assert.Equal(row + 1, bad.RowNumber);
        Assert.Contains($"Row {row + 1} holds bytes that are not valid UTF-8", bad.Problem, StringComparison.Ordinal);
        Assert.Equal(row + 2, rows.Count);
    }
}
