using BiginBulk.Core.Csv;
using static BiginBulk.Core.Tests.Csv.CsvTestReading;

namespace BiginBulk.Core.Tests.Csv;

public sealed class CsvRowReaderBrokenQuotingTests
{
    [Fact]
    public async Task A_quote_that_never_closes_stops_reading_at_the_row_where_it_opens()
    {
        var (reader, rows) = await ReadAllAsync("Last_Name,Description\nBoyle,fine\nSmith,\"never closed\nJones,swallowed\nBrown,swallowed\n");
        await using var _ = reader;

        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Problem);
        var broken = rows[1];
        Assert.Equal(2, broken.RowNumber);
        Assert.Equal(["", ""], broken.Fields);
        Assert.StartsWith("Row 2: the quoted value in column 2 ('Description') is not closed properly", broken.Problem, StringComparison.Ordinal);
        Assert.Contains("this row and every row after it were not read", broken.Problem, StringComparison.Ordinal);
        Assert.Equal(broken.Problem, reader.Fault);
        Assert.False(await reader.ReadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Text_after_a_closing_quote_stops_reading_at_that_row()
    {
        var (reader, rows) = await ReadAllAsync("Last_Name,Description\nBoyle,\"quoted\" then text\nSmith,fine\n");
        await using var _ = reader;

        var broken = Assert.Single(rows);
        Assert.Equal(1, broken.RowNumber);
        Assert.StartsWith("Row 1: the quoted value in column 2", broken.Problem, StringComparison.Ordinal);
        Assert.NotNull(reader.Fault);
    }

    [Fact]
    public async Task A_quote_that_swallows_more_than_the_row_limit_stops_reading_with_bounded_memory()
    {
        var text = "Last_Name,Description\nBoyle,\"opens here\n" + string.Concat(Enumerable.Repeat("Smith,some text\n", 1000));

        var (reader, rows) = await ReadAllAsync(text, new CsvReaderOptions { MaxRowLength = 1024 });
        await using var _ = reader;

        var broken = Assert.Single(rows);
        Assert.StartsWith("Row 1 is longer than 1024 characters", broken.Problem, StringComparison.Ordinal);
        Assert.Equal(broken.Problem, reader.Fault);
    }

    [Fact]
    public async Task Skipping_past_a_broken_row_counts_it_and_then_stops()
    {
        await using var reader = await OpenAsync("Last_Name\nA\n\"B\nC\n");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(2, await reader.SkipRowsAsync(10, ct));
        Assert.NotNull(reader.Fault);
        Assert.False(await reader.ReadAsync(ct));
    }

    [Fact]
    public async Task A_header_with_a_quote_that_never_closes_is_refused()
    {
        var error = await Assert.ThrowsAsync<CsvHeaderException>(() => OpenAsync("Last_Name,\"Email\nBoyle,p@example.com\n"));

        Assert.Equal(CsvHeaderProblem.NoHeader, error.Problem);
    }
}
