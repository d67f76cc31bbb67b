using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Encodings;

public sealed class CsvShapeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData(":")]
    [InlineData("|")]
    public async Task Each_delimiter_is_detected_from_the_header_and_quoted_values_may_contain_it(string delimiter)
    {
        var tag = WriteJobs.NewTag();
        var d = delimiter;
        var csv = $"Last_Name{d}First_Name{d}Description{d}Title\n"
            + $"{tag}-1{d}Ann{d}\"one{d}two{d}three\"{d}CEO\n"
            + $"{tag}-2{d}\"Bob\"{d}plain{d}\n";

        var run = await Client.WriteAsync(csv);

        run.AssertCounts(added: 2, updated: 0, skipped: 0);
        Assert.Equal(["Last_Name", "First_Name", "Description", "STATUS", "RECORD_ID", "ERRORS"], run.Result.Header);
        Assert.Equal([$"{tag}-1", "Ann", $"one{d}two{d}three"], run.Result.Rows[0].Take(3));
        var first = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal($"one{d}two{d}three", first.Text("Description"));
        Assert.Equal("CEO", first.Text("Title"));
        var second = await Client.GetRecordAsync("Contacts", run.AssertRow(1, "ADDED"));
        Assert.Equal("Bob", second.Text("First_Name"));
        Assert.Null(second.Text("Title"));
    }

    [Fact]
    public async Task Quoted_values_keep_embedded_quotes_delimiters_and_line_breaks()
    {
        var tag = WriteJobs.NewTag();
        var csv = "Last_Name,Description,Title\r\n"
            + $"{tag}-1,\"He said \"\"hi\"\", then left\",\"a, b\"\r\n"
            + $"{tag}-2,\"line one\r\nline two\nline three\",T2\r\n"
            + $"{tag}-3,5\" screen,T3\r\n";

        var run = await Client.WriteAsync(csv);

        run.AssertCounts(added: 3, updated: 0, skipped: 0);
        Assert.Equal("He said \"hi\", then left", run.Result.Cell(0, "Description"));
        Assert.Equal("line one\r\nline two\nline three", run.Result.Cell(1, "Description"));
        var first = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal("He said \"hi\", then left", first.Text("Description"));
        Assert.Equal("a, b", first.Text("Title"));
        var second = await Client.GetRecordAsync("Contacts", run.AssertRow(1, "ADDED"));
        Assert.Equal("line one\r\nline two\nline three", second.Text("Description"));
        Assert.Equal("T2", second.Text("Title"));
        var third = await Client.GetRecordAsync("Contacts", run.AssertRow(2, "ADDED"));
        Assert.Equal("5\" screen", third.Text("Description"));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public async Task Line_endings_of_any_kind_separate_rows(string newline)
    {
        var tag = WriteJobs.NewTag();
        var csv = string.Join(newline, "Last_Name,First_Name", $"{tag}-1,A", $"{tag}-2,B", $"{tag}-3,C") + newline;

        var run = await Client.WriteAsync(csv);

        run.AssertCounts(added: 3, updated: 0, skipped: 0);
        Assert.Equal([$"{tag}-1", $"{tag}-2", $"{tag}-3"], run.Result.Rows.Select(r => r[0]));
        var third = await Client.GetRecordAsync("Contacts", run.AssertRow(2, "ADDED"));
        Assert.Equal("C", third.Text("First_Name"));
    }

    [Fact]
    public async Task A_file_without_a_final_line_break_keeps_its_last_row()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Last_Name,First_Name\n{tag}-1,A\n{tag}-2,B");

        run.AssertCounts(added: 2, updated: 0, skipped: 0);
        Assert.Equal("B", (await Client.GetRecordAsync("Contacts", run.AssertRow(1, "ADDED"))).Text("First_Name"));
    }

    [Fact]
    public async Task Ragged_rows_are_skipped_with_INVALID_DATA_and_the_job_completes()
    {
        var tag = WriteJobs.NewTag();
        var csv = "Last_Name,First_Name,Title\n"
            + $"{tag}-1,A,T\n"
            + $"{tag}-2,B\n"
            + $"{tag}-3,C,T,extra\n"
            + $"{tag}-4,D,T,\n"
            + $"{tag}-5,E,T\n";

        var run = await Client.WriteAsync(csv);

        run.AssertCounts(added: 3, updated: 0, skipped: 2);
        run.AssertRow(0, "ADDED");
        run.AssertRow(1, "SKIPPED", "INVALID_DATA");
        run.AssertRow(2, "SKIPPED", "INVALID_DATA");
        // A trailing delimiter adds an empty value, which loses nothing.
        run.AssertRow(3, "ADDED");
        run.AssertRow(4, "ADDED");
        Assert.Equal([$"{tag}-2", "B", ""], run.Result.Rows[1].Take(3));
        Assert.Equal([$"{tag}-3", "C", "T"], run.Result.Rows[2].Take(3));
        var names = (await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag)).Select(r => r.Text("Last_Name")).Order(StringComparer.Ordinal);
        Assert.Equal([$"{tag}-1", $"{tag}-4", $"{tag}-5"], names);
    }

    [Fact]
    public async Task Blank_lines_are_not_rows()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Last_Name,First_Name\n\n{tag}-1,A\n   \n\n{tag}-2,B\n\n");

        run.AssertCounts(added: 2, updated: 0, skipped: 0);
        Assert.Equal([$"{tag}-1", $"{tag}-2"], run.Result.Rows.Select(r => r[0]));
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_skips_its_row_and_imports_nothing_after_it()
    {
        var tag = WriteJobs.NewTag();
        // Row 2's quote swallows the rest of the file: where row 3 starts cannot be known, so nothing
        // after the broken row is imported, and the broken row (UNPROCESSED: reading stopped there) says so
        // instead of the file failing; the job details name it too.
        var csv = $"Last_Name,Title\n{tag}-1,ok\n{tag}-2,\"never closed\n{tag}-3,lost\n{tag}-4,lost\n";

        var run = await Client.WriteAsync(csv);

        Assert.Equal("COMPLETED", run.Job["status"]!.GetValue<string>());
        Assert.Equal(1, run.Count("added_count"));
        Assert.Equal(1, run.Count("skipped_count"));
        Assert.Equal(2, run.Count("total_count"));
        Assert.Equal(["ADDED", "UNPROCESSED"], run.Result.Statuses);
        run.AssertRow(0, "ADDED");
        run.AssertRow(1, "UNPROCESSED", "INVALID_DATA");
        Assert.Equal(2, run.Job["result"]!["error_message"]!["details"]!["row"]!.GetValue<long>());
        var names = (await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag)).Select(r => r.Text("Last_Name"));
        Assert.Equal([$"{tag}-1"], names);
    }
}
