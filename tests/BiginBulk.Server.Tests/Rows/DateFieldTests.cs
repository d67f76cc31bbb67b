using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

public sealed class DateFieldTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Dates_in_the_default_format_or_ISO_read_back_as_yyyy_MM_dd()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Last_Name,Date_of_Birth\n{tag}-1,03/15/1990\n{tag}-2,1990-03-16\n{tag}-3,3/7/1990\n{tag}-4,15/03/1990\n{tag}-5,02/30/1990\n{tag}-6,1990-13-01\n{tag}-7,yesterday\n");

        run.AssertCounts(added: 3, updated: 0, skipped: 4);
        Assert.Equal("1990-03-15", (await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"))).Text("Date_of_Birth"));
        Assert.Equal("1990-03-16", (await Client.GetRecordAsync("Contacts", run.AssertRow(1, "ADDED"))).Text("Date_of_Birth"));
        Assert.Equal("1990-03-07", (await Client.GetRecordAsync("Contacts", run.AssertRow(2, "ADDED"))).Text("Date_of_Birth"));
        for (var i = 3; i < 7; i++)
        {
            run.AssertRow(i, "SKIPPED", "INVALID_DATA-Date_of_Birth");
        }
    }

    [Fact]
    public async Task A_mapping_format_is_the_only_date_format_accepted()
    {
        var tag = WriteJobs.NewTag();
        var mappings = new JsonArray(WriteJobs.Map("Last_Name", 0), WriteJobs.Map("Date_of_Birth", 1, format: "dd-MM-yyyy"));

        var run = await Client.WriteAsync(
            $"Last_Name,Date_of_Birth\n{tag}-1,15-03-1990\n{tag}-2,03/15/1990\n{tag}-3,1990-03-15\n",
            mappings: mappings);

        run.AssertCounts(added: 1, updated: 0, skipped: 2);
        Assert.Equal("dd-MM-yyyy", run.Job["resource"]![0]!["field_mappings"]![1]!["format"]!.GetValue<string>());
        Assert.Equal("1990-03-15", (await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"))).Text("Date_of_Birth"));
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Date_of_Birth");
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Date_of_Birth");
    }

    [Fact]
    public async Task Closing_date_on_a_deal_accepts_both_default_formats()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Deal_Name,Sub_Pipeline,Stage,Closing_Date\n{tag}-1,Partner Pipeline,Negotiation/Review,12/31/2024\n{tag}-2,Partner Pipeline,Negotiation/Review,2025-01-31\n{tag}-3,Partner Pipeline,Negotiation/Review,31.12.2024\n",
            module: "Pipelines");

        run.AssertCounts(added: 2, updated: 0, skipped: 1);
        Assert.Equal("2024-12-31", (await Client.GetRecordAsync("Pipelines", run.AssertRow(0, "ADDED"))).Text("Closing_Date"));
        Assert.Equal("2025-01-31", (await Client.GetRecordAsync("Pipelines", run.AssertRow(1, "ADDED"))).Text("Closing_Date"));
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Closing_Date");
    }

    [Fact]
    public async Task Date_times_in_the_default_format_or_ISO_with_offset_read_back_as_ISO_with_offset()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            "Event_Title,Start_DateTime,End_DateTime\n"
            + $"{tag}-1,03/01/2024 10:15:30,03/01/2024 11:00:00\n"
            + $"{tag}-2,2024-03-01T10:15:30+05:30,2024-03-01T23:30:00-08:00\n"
            + $"{tag}-3,2024-03-01T10:15:30Z,2024-03-01T11:15:30Z\n"
            + $"{tag}-4,03/01/2024,03/01/2024 11:00:00\n"
            + $"{tag}-5,03/01/2024 10:00:00,13/01/2024 25:00:00\n",
            module: "Events");

        run.AssertCounts(added: 3, updated: 0, skipped: 2);
        var first = await Client.GetRecordAsync("Events", run.AssertRow(0, "ADDED"));
        AssertInstant("2024-03-01T10:15:30+00:00", first.Text("Start_DateTime"));
        AssertInstant("2024-03-01T11:00:00+00:00", first.Text("End_DateTime"));
        var second = await Client.GetRecordAsync("Events", run.AssertRow(1, "ADDED"));
        AssertInstant("2024-03-01T10:15:30+05:30", second.Text("Start_DateTime"));
        AssertInstant("2024-03-01T23:30:00-08:00", second.Text("End_DateTime"));
        var third = await Client.GetRecordAsync("Events", run.AssertRow(2, "ADDED"));
        AssertInstant("2024-03-01T10:15:30+00:00", third.Text("Start_DateTime"));
        run.AssertRow(3, "SKIPPED", "INVALID_DATA-Start_DateTime");
        run.AssertRow(4, "SKIPPED", "INVALID_DATA-End_DateTime");
    }

    [Fact]
    public async Task A_mapping_format_reads_date_times_in_that_pattern()
    {
        var tag = WriteJobs.NewTag();
        var mappings = new JsonArray(
            WriteJobs.Map("Subject", 0),
            WriteJobs.Map("Call_Type", 1),
            WriteJobs.Map("Call_Start_Time", 2, format: "dd-MM-yyyy HH:mm"),
            WriteJobs.Map("Call_Duration", 3));

        var run = await Client.WriteAsync(
            $"Subject,Call_Type,Call_Start_Time,Call_Duration\n{tag}-1,inbound,25-12-2024 08:05,10:00\n{tag}-2,Inbound,12/25/2024 08:05:00,10:00\n",
            module: "Calls", mappings: mappings);

        run.AssertCounts(added: 1, updated: 0, skipped: 1);
        var call = await Client.GetRecordAsync("Calls", run.AssertRow(0, "ADDED"));
        AssertInstant("2024-12-25T08:05:00+00:00", call.Text("Call_Start_Time"));
        Assert.Equal("Inbound", call.Text("Call_Type"));
        Assert.Equal("10:00", call.Text("Call_Duration"));
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Call_Start_Time");
    }

    /// <summary>Same instant, written as Zoho writes times: ISO 8601 with an offset and whole seconds.</summary>
    private static void AssertInstant(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", actual);
        Assert.Equal(
            DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(actual, CultureInfo.InvariantCulture));
    }
}
