using System.Globalization;
using BiginBulk.Core.Csv;

namespace BiginBulk.Core.Tests.Csv;

public sealed class CsvRowReaderStreamingTests
{
    [Fact]
    public async Task A_hundred_thousand_row_stream_is_read_row_by_row_without_reading_ahead_of_the_rows()
    {
        const int RowCount = 100_000;
        var ct = TestContext.Current.CancellationToken;
        var stream = new GeneratedCsvStream(RowCount);
        await using var reader = await CsvRowReader.OpenAsync(stream, cancellationToken: ct);

        long rows = 0;
        long bytesServedAtRow1000 = 0;
        CsvRow? last = null;
        while (await reader.ReadAsync(ct))
        {
            rows++;
            last = reader.Current;
            Assert.Null(last.Problem);
            if (rows == 1000)
            {
                bytesServedAtRow1000 = stream.BytesServed;
                Assert.Equal(["1000", "Name 1000", "Street 1000, apt 6", "3000.5"], last.Fields);
            }
        }

        Assert.Equal(RowCount, rows);
        Assert.Equal(RowCount, last!.RowNumber);
        Assert.Equal(100_000.ToString(CultureInfo.InvariantCulture), last.Fields[0]);
        // Reading row 1,000 pulled in only the detection sample and a buffer or two, not the multi-megabyte file.
        Assert.InRange(bytesServedAtRow1000, 1, 512 * 1024);
        Assert.True(stream.BytesServed > 4 * 1024 * 1024);
    }

    [Fact]
    public async Task The_header_check_reads_only_the_start_of_a_large_file()
    {
        var stream = new GeneratedCsvStream(100_000);

        var header = await CsvHeaderReader.ReadHeaderAsync(stream, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["Id", "Last_Name", "Mailing_Street", "Amount"], header.Columns);
        Assert.InRange(stream.BytesServed, 1, 512 * 1024);
    }
}
