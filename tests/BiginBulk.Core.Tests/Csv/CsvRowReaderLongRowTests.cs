using System.Text;
using BiginBulk.Core.Csv;
using static BiginBulk.Core.Tests.Csv.CsvTestReading;

namespace BiginBulk.Core.Tests.Csv;

/// <summary>A row longer than the reader's limit is skipped and reading goes on: no row after it is lost.</summary>
public sealed class CsvRowReaderLongRowTests
{
    private static readonly CsvReaderOptions Small = new() { MaxRowLength = 1024 };

    [Fact]
    public async Task An_unquoted_cell_of_one_and_a_half_million_characters_is_skipped_and_the_rows_after_it_are_read()
    {
        var text = "Last_Name,Description\nBoyle,fine\nSmith," + new string('x', 1_500_000) + "\nJones,after\nBrown,last\n";

        var (reader, rows) = await ReadAllAsync(text);
        await using var _ = reader;

        Assert.Equal([1L, 2, 3, 4], rows.Select(r => r.RowNumber));
        Assert.Null(rows[0].Problem);
        Assert.Equal("Row 2 is longer than 1048576 characters; it was skipped and reading went on with the next row.", rows[1].Problem);
        Assert.Equal(["", ""], rows[1].Fields);
        Assert.False(rows[1].StopsReading);
        Assert.Equal(["Jones", "after"], rows[2].Fields);
        Assert.Equal(["Brown", "last"], rows[3].Fields);
        Assert.Null(rows[3].Problem);
        Assert.Null(reader.Fault);
    }

    [Fact]
    public async Task A_quoted_value_longer_than_the_limit_that_closes_is_skipped_and_reading_resumes_after_it()
    {
        var long_ = string.Concat(Enumerable.Repeat("line, with \"\"quotes\"\"\r\n", 200));
        var text = $"Last_Name,Description\r\nBoyle,\"{long_}\"\r\nSmith,\"short, quoted\"\r\n";

        var (reader, rows) = await ReadAllAsync(text, Small);
        await using var _ = reader;

        Assert.Equal(2, rows.Count);
        Assert.StartsWith("Row 1 is longer than 1024 characters", rows[0].Problem, StringComparison.Ordinal);
        Assert.Equal(2, rows[1].RowNumber);
        Assert.Equal(["Smith", "short, quoted"], rows[1].Fields);
        Assert.Null(rows[1].Problem);
        Assert.Null(reader.Fault);
    }

    [Fact]
    public async Task Over_long_rows_between_short_ones_across_read_chunks_keep_every_row_numbered_in_file_order()
    {
        var text = new StringBuilder("Last_Name,Description\n");
        for (var i = 1; i <= 60; i++)
        {
            text.Append("Row").Append(i).Append(',').Append(i % 3 == 0 ? new string('y', 5000 + i) : "ok").Append(i % 2 == 0 ? "\r\n" : "\n");
        }

        var (reader, rows) = await ReadAllAsync(text.ToString(), Small);
        await using var _ = reader;

        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), rows.Select(r => r.RowNumber));
        Assert.All(rows, r => Assert.Equal(r.RowNumber % 3 == 0, r.Problem is not null));
        Assert.All(rows.Where(r => r.Problem is null), r => Assert.Equal(["Row" + r.RowNumber, "ok"], r.Fields));
    }

    [Fact]
    public async Task An_over_long_last_row_without_a_line_break_is_skipped()
    {
        var (reader, rows) = await ReadAllAsync("Last_Name\nBoyle\n" + new string('z', 3000), Small);
        await using var _ = reader;

        Assert.Equal(2, rows.Count);
        Assert.StartsWith("Row 2 is longer than 1024 characters; it was skipped", rows[1].Problem, StringComparison.Ordinal);
        Assert.Null(reader.Fault);
    }

    [Fact]
    public async Task An_over_long_quoted_value_never_closed_stops_reading_and_says_so()
    {
        var text = "Last_Name,Description\nBoyle,fine\nSmith,\"opens" + string.Concat(Enumerable.Repeat("\nJones,swallowed", 500));

        var (reader, rows) = await ReadAllAsync(text, Small);
        await using var _ = reader;

        Assert.Equal(2, rows.Count);
        Assert.True(rows[1].StopsReading);
        Assert.Equal(
            "Row 2 is longer than 1024 characters because a quoted value that starts in it is never closed. Reading stopped here: this row and every row after it were not read.",
            rows[1].Problem);
        Assert.Equal(rows[1].Problem, reader.Fault);
    }

    [Fact]
    public async Task Skipping_rows_to_resume_counts_an_over_long_row_as_one_row()
    {
        await using var reader = await OpenAsync("Last_Name\nA\n" + new string('b', 2000) + "\nC\nD\n", Small);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(2, await reader.SkipRowsAsync(2, ct));
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal(3, reader.Current.RowNumber);
        Assert.Equal(["C"], reader.Current.Fields);
    }

    [Fact]
    public async Task A_header_row_longer_than_the_limit_is_refused_as_too_long()
    {
        var header = string.Join(',', Enumerable.Range(0, 1_000_000).Select(_ => "a"));

        var error = await Assert.ThrowsAsync<CsvHeaderException>(() => OpenAsync(header + "\nb\n"));

        Assert.Equal(CsvHeaderProblem.TooLong, error.Problem);
        Assert.StartsWith("The header row is longer than 1048576 characters", error.Message, StringComparison.Ordinal);
    }
}
