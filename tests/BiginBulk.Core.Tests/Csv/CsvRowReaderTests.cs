using BiginBulk.Core.Csv;
using static BiginBulk.Core.Tests.Csv.CsvTestReading;

namespace BiginBulk.Core.Tests.Csv;

public sealed class CsvRowReaderTests
{
    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData(':')]
    [InlineData('|')]
    public async Task Each_zoho_delimiter_is_detected_and_used(char delimiter)
    {
        var (reader, rows) = await ReadAllAsync($"Last_Name{delimiter}Email\nBoyle{delimiter}p@example.com\n");
        await using var _ = reader;

        Assert.Equal(delimiter, reader.Delimiter);
        Assert.Equal(["Last_Name", "Email"], reader.Headers);
        Assert.Equal(["Boyle", "p@example.com"], Assert.Single(rows).Fields);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task Quoted_values_keep_delimiters_doubled_quotes_and_line_breaks(string newline)
    {
        var text = string.Join(newline, "Last_Name,Description,City", "\"Boyle, Jr.\",\"He said \"\"hi\"\"\",\"New" + newline + "York\"", "Smith,plain,Paris") + newline;

        var (reader, rows) = await ReadAllAsync(text);
        await using var _ = reader;

        Assert.Equal(2, rows.Count);
        Assert.Equal(["Boyle, Jr.", "He said \"hi\"", "New" + newline + "York"], rows[0].Fields);
        Assert.Equal(["Smith", "plain", "Paris"], rows[1].Fields);
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task Header_names_are_trimmed()
    {
        var (reader, _) = await ReadAllAsync(" Last_Name , Email \n");
        await using var _r = reader;

        Assert.Equal(["Last_Name", "Email"], reader.Headers);
    }

    [Theory]
    [InlineData("Last_Name\nBoyle\nSmith\n")]
    [InlineData("Last_Name\nBoyle\nSmith")]
    [InlineData("Last_Name\r\nBoyle\r\nSmith\r\n\r\n")]
    public async Task A_final_line_break_or_blank_line_is_not_a_row(string text)
    {
        var (reader, rows) = await ReadAllAsync(text);
        await using var _ = reader;

        Assert.Equal(["Boyle", "Smith"], rows.Select(r => r.Fields[0]));
    }

    [Fact]
    public async Task Blank_lines_in_the_middle_are_skipped_without_using_a_row_number()
    {
        var (reader, rows) = await ReadAllAsync("\nLast_Name,City\n\nBoyle,Paris\n   \n\r\nSmith,Rome\n,\n");
        await using var _ = reader;

        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.RowNumber));
        Assert.Equal(["Boyle", "Smith", ""], rows.Select(r => r.Fields[0]));
        Assert.Equal(["", ""], rows[2].Fields); // a line of bare delimiters is a row of empty values
    }

    [Fact]
    public async Task A_row_with_too_few_values_is_padded_and_gets_a_problem()
    {
        var (reader, rows) = await ReadAllAsync("Last_Name,Email,Phone\nBoyle,p@example.com\nSmith,s@example.com,555\n");
        await using var _ = reader;

        Assert.Equal(["Boyle", "p@example.com", ""], rows[0].Fields);
        Assert.Equal("Row 1 has 2 values but the header has 3 columns.", rows[0].Problem);
        Assert.Null(rows[1].Problem);
    }

    [Fact]
    public async Task A_row_with_extra_values_gets_a_problem()
    {
        var (reader, rows) = await ReadAllAsync("Last_Name,Email\nBoyle,p@example.com,surplus\n");
        await using var _ = reader;

        var row = Assert.Single(rows);
        Assert.Equal(["Boyle", "p@example.com"], row.Fields);
        Assert.Contains("Row 1 has 3 values but the header has 2 columns", row.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extra_empty_values_from_a_trailing_delimiter_lose_nothing_and_are_not_a_problem()
    {
        var (reader, rows) = await ReadAllAsync("Last_Name,Email\nBoyle,p@example.com,,\n");
        await using var _ = reader;

        Assert.Null(Assert.Single(rows).Problem);
    }

    [Fact]
    public async Task A_value_starting_with_a_hash_is_data_not_a_comment()
    {
        var (reader, rows) = await ReadAllAsync("Tag,Owner\n#vip,Boyle\n");
        await using var _ = reader;

        Assert.Equal(["#vip", "Boyle"], Assert.Single(rows).Fields);
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_value_is_kept_as_text()
    {
        var (reader, rows) = await ReadAllAsync("Product,Size\nMonitor,27\" wide\nCable,2m\n");
        await using var _ = reader;

        Assert.Equal(["27\" wide", "2m"], rows.Select(r => r.Fields[1]));
        Assert.All(rows, r => Assert.Null(r.Problem));
        Assert.Null(reader.Fault);
    }

    [Fact]
    public async Task Skipping_rows_resumes_after_a_checkpoint_with_the_same_numbering()
    {
        await using var reader = await OpenAsync("Last_Name\nA\n\nB\nC\nD\n");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(2, await reader.SkipRowsAsync(2, ct));
        Assert.True(await reader.ReadAsync(ct));

        Assert.Equal((3L, "C"), (reader.Current.RowNumber, reader.Current.Fields[0]));
        Assert.Equal(1, await reader.SkipRowsAsync(5, ct));
        Assert.False(await reader.ReadAsync(ct));
        Assert.Equal(4, reader.RowCount);
    }

    [Fact]
    public async Task An_empty_file_has_no_header()
    {
        var error = await Assert.ThrowsAsync<CsvHeaderException>(() => OpenAsync("\r\n\n"));

        Assert.Equal(CsvHeaderProblem.EmptyFile, error.Problem);
    }

    [Fact]
    public async Task An_unknown_explicit_encoding_is_refused_when_opening()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => OpenAsync("a\n1\n", new CsvReaderOptions { CharacterEncoding = "klingon-8" }));
    }

    [Fact]
    public async Task The_stream_is_disposed_with_the_reader_unless_left_open()
    {
        var owned = new ChunkedStream("a\n1\n"u8.ToArray());
        var kept = new ChunkedStream("a\n1\n"u8.ToArray());
        var ct = TestContext.Current.CancellationToken;

        await (await CsvRowReader.OpenAsync(owned, cancellationToken: ct)).DisposeAsync();
        (await CsvRowReader.OpenAsync(kept, new CsvReaderOptions { LeaveOpen = true }, ct)).Dispose();

        Assert.True(owned.WasDisposed);
        Assert.False(kept.WasDisposed);
    }

    [Fact]
    public async Task Current_before_reading_is_an_error_not_a_stale_row()
    {
        await using var reader = await OpenAsync("a\n1\n");

        Assert.Throws<InvalidOperationException>(() => reader.Current);
    }
}
