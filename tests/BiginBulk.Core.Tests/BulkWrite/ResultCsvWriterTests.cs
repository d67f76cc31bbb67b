using System.Text;
using BiginBulk.Core.BulkWrite;
using Sylvan.Data.Csv;

namespace BiginBulk.Core.Tests.BulkWrite;

public sealed class ResultCsvWriterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_echoed_columns_then_status_record_id_and_errors()
    {
        using var stream = new MemoryStream();
        await using (var writer = ResultCsvWriter.Create(stream, ["Last_Name", "Email", "Phone"], leaveOpen: true))
        {
            await writer.WriteRowAsync(["Boyle", "pat@example.com", "555"], RowOutcome.Added(1, 5725767000000412001), Token);
            await writer.WriteRowAsync(
                ["", "pat@example.com", ""],
                RowOutcome.Skipped(2, new RowError(RowError.MandatoryNotFound, "Last_Name"), new RowError(RowError.DuplicateData, "Email")),
                Token);
            await writer.WriteRowAsync(["Chen", "", null], RowOutcome.Updated(3, 5725767000000412002), Token);
        }

        Assert.Equal(
            "Last_Name,Email,Phone,STATUS,RECORD_ID,ERRORS\r\n"
            + "Boyle,pat@example.com,555,ADDED,5725767000000412001,\r\n"
            + ",pat@example.com,,SKIPPED,,MANDATORY_NOT_FOUND-Last_Name:DUPLICATE_DATA-Email\r\n"
            + "Chen,,,UPDATED,5725767000000412002,\r\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task Cells_with_commas_quotes_and_newlines_are_quoted()
    {
        using var text = new StringWriter();
        await using (var writer = new ResultCsvWriter(text, ["Name", "Notes"]))
        {
            await writer.WriteRowAsync(["Boyle, Pat", "said \"hi\"\nthen left\r\n"], RowOutcome.Added(1, 7), Token);
            await writer.WriteRowAsync([" padded ", "plain"], RowOutcome.Added(2, 8), Token);
            await writer.WriteRowAsync(["old\rmac", "\"lead"], RowOutcome.Added(3, 9), Token);
        }

        Assert.Equal(
            "Name,Notes,STATUS,RECORD_ID,ERRORS\r\n"
            + "\"Boyle, Pat\",\"said \"\"hi\"\"\nthen left\r\n\",ADDED,7,\r\n"
            + " padded ,plain,ADDED,8,\r\n"
            + "\"old\rmac\",\"\"\"lead\",ADDED,9,\r\n",
            text.ToString());
    }

    [Fact]
    public async Task Headers_that_need_quoting_are_quoted_too()
    {
        using var text = new StringWriter();
        await using (var writer = new ResultCsvWriter(text, ["Last, Name"]))
        {
            await writer.WriteRowAsync(["x"], RowOutcome.Added(1, 7), Token);
        }

        Assert.StartsWith("\"Last, Name\",STATUS,RECORD_ID,ERRORS\r\n", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_is_utf8_without_a_byte_order_mark()
    {
        using var stream = new MemoryStream();
        await using (var writer = ResultCsvWriter.Create(stream, ["Name"], leaveOpen: true))
        {
            await writer.WriteRowAsync(["Zoë 日本"], RowOutcome.Added(1, 7), Token);
        }

        var bytes = stream.ToArray();
        Assert.Equal((byte)'N', bytes[0]);
        Assert.Equal("Name,STATUS,RECORD_ID,ERRORS\r\nZoë 日本,ADDED,7,\r\n", new UTF8Encoding(false, true).GetString(bytes));
    }

    [Fact]
    public async Task Sylvan_reads_back_exactly_what_was_written()
    {
        string[][] rows =
        [
            ["a,b", "\"quoted\"", "multi\nline"],
            ["", " spaced ", "semi;colon"],
            ["=1+2", "'", "tab\there"],
        ];
        using var text = new StringWriter();
        await using (var writer = new ResultCsvWriter(text, ["One", "Two, too", "Three"]))
        {
            for (var i = 0; i < rows.Length; i++)
            {
                await writer.WriteRowAsync(rows[i], RowOutcome.Skipped(i + 1, new RowError(RowError.InvalidData, "Two, too")), Token);
            }
        }

        await using var reader = await CsvDataReader.CreateAsync(new StringReader(text.ToString()), new CsvDataReaderOptions { HasHeaders = true }, Token);
        Assert.Equal(["One", "Two, too", "Three", "STATUS", "RECORD_ID", "ERRORS"], Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        foreach (var row in rows)
        {
            Assert.True(await reader.ReadAsync(Token));
            Assert.Equal(row, Enumerable.Range(0, 3).Select(reader.GetString));
            Assert.Equal("SKIPPED", reader.GetString(3));
            Assert.Equal("", reader.GetString(4));
            Assert.Equal("INVALID_DATA-Two, too", reader.GetString(5));
        }

        Assert.False(await reader.ReadAsync(Token));
    }

    [Fact]
    public async Task Fewer_than_three_mapped_columns_echo_fewer()
    {
        using var text = new StringWriter();
        await using (var writer = new ResultCsvWriter(text, []))
        {
            await writer.WriteRowAsync([], RowOutcome.Unprocessed(1), Token);
        }

        Assert.Equal("STATUS,RECORD_ID,ERRORS\r\nUNPROCESSED,,\r\n", text.ToString());
    }

    [Fact]
    public async Task A_file_without_rows_still_has_its_header()
    {
        using var text = new StringWriter();
        await using (new ResultCsvWriter(text, ["Email"]))
        {
        }

        Assert.Equal("Email,STATUS,RECORD_ID,ERRORS\r\n", text.ToString());
    }

    [Fact]
    public void Synchronous_dispose_also_writes_the_header()
    {
        using var text = new StringWriter();
        using (new ResultCsvWriter(text, ["Email"], leaveOpen: true))
        {
        }

        Assert.Equal("Email,STATUS,RECORD_ID,ERRORS\r\n", text.ToString());
    }

    [Fact]
    public async Task Rows_reach_the_stream_before_the_writer_is_closed()
    {
        using var stream = new MemoryStream();
        await using var writer = ResultCsvWriter.Create(stream, ["Email"], leaveOpen: true);
        for (var i = 1; i <= 2_000; i++)
        {
            await writer.WriteRowAsync([$"user{i}@example.com"], RowOutcome.Added(i, i), Token);
        }

        Assert.True(stream.Length > 16 * 1024, $"only {stream.Length} bytes reached the stream");
        Assert.Equal(2_000, writer.RowsWritten);
    }

    [Fact]
    public void More_than_three_echoed_columns_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new ResultCsvWriter(TextWriter.Null, ["a", "b", "c", "d"]));

    [Fact]
    public async Task A_row_with_the_wrong_number_of_echoed_cells_is_rejected()
    {
        await using var writer = new ResultCsvWriter(TextWriter.Null, ["a", "b"]);
        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteRowAsync(["only one"], RowOutcome.Added(1, 1), Token));
    }

    [Fact]
    public async Task Writing_after_dispose_fails()
    {
        var writer = new ResultCsvWriter(new StringWriter(), ["a"]);
        await writer.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteRowAsync(["x"], RowOutcome.Added(1, 1), Token));
    }
}
