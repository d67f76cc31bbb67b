using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;
using Ical.Net;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary><c>file_type: "ics"</c> on Events, read back with Ical.Net.</summary>
public sealed class IcsExportTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Events_export_as_one_VEVENT_each_with_uid_text_and_times()
    {
        var ids = await Client.InsertAsync("Events", """
            Event_Title,Start_DateTime,End_DateTime,All_day,Venue,Description
            "Board, meeting",2024-05-01T10:00:00+02:00,2024-05-01T11:30:00+02:00,false,Room 1,"Agenda: budget; hires"
            Offsite,2024-06-10T00:00:00+00:00,2024-06-11T00:00:00+00:00,true,Lake House,
            Call back,2024-07-01T09:00:00Z,2024-07-01T09:15:00Z,false,,
            """ + "\n");

        // The class shares one server: keep to this test's events (the other tests use 2030).
        var run = await Client.RunReadAsync(new JsonObject
        {
            ["module"] = "Events",
            ["file_type"] = "ics",
            ["criteria"] = new JsonObject { ["api_name"] = "Start_DateTime", ["comparator"] = "less_than", ["value"] = "2025-01-01T00:00:00+00:00" },
        });

        Assert.Equal($"{run.JobId}.ics", run.EntryName);
        Assert.Equal("ics", run.Job["file_type"]!.GetValue<string>());
        Assert.Equal(3, run.Job["result"]!["count"]!.GetValue<int>());
        var calendar = Calendar.Load(run.Content) ?? throw new Xunit.Sdk.XunitException("No calendar parsed");
        Assert.Equal(3, calendar.Events.Count);
        Assert.Equal(ids.Order(), calendar.Events.Select(e => e.Uid!.Split('@')[0]).Order());

        var board = calendar.Events.Single(e => e.Uid!.StartsWith(ids[0], StringComparison.Ordinal));
        Assert.Equal("Board, meeting", board.Summary);
        Assert.Equal("Room 1", board.Location);
        Assert.Equal("Agenda: budget; hires", board.Description);
        Assert.True(board.DtStart!.HasTime);
        Assert.Equal(new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc), board.DtStart.AsUtc);
        Assert.Equal(new DateTime(2024, 5, 1, 9, 30, 0, DateTimeKind.Utc), board.DtEnd!.AsUtc);

        var offsite = calendar.Events.Single(e => e.Uid!.StartsWith(ids[1], StringComparison.Ordinal));
        Assert.Equal("Offsite", offsite.Summary);
        Assert.Equal("Lake House", offsite.Location);
        Assert.True(offsite.IsAllDay);
        Assert.False(offsite.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2024, 6, 10), offsite.DtStart.Date);
        // RFC 5545: DTEND of an all-day event is exclusive, the day after its last day.
        Assert.Equal(new DateOnly(2024, 6, 12), offsite.DtEnd!.Date);

        var call = calendar.Events.Single(e => e.Uid!.StartsWith(ids[2], StringComparison.Ordinal));
        Assert.Null(call.Location);
        Assert.Null(call.Description);
        Assert.Equal(new DateTime(2024, 7, 1, 9, 0, 0, DateTimeKind.Utc), call.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Criteria_filter_the_ics_export()
    {
        await Client.InsertAsync("Events", """
            Event_Title,Start_DateTime,End_DateTime,All_day
            Filtered in,2030-01-01T10:00:00Z,2030-01-01T11:00:00Z,true
            Filtered out,2030-01-02T10:00:00Z,2030-01-02T11:00:00Z,false
            """ + "\n");

        var run = await Client.RunReadAsync(JsonNode.Parse("""
            {"module":"Events","file_type":"ics","criteria":{"group_operator":"and","group":[
              {"api_name":"All_day","comparator":"equal","value":"true"},
              {"api_name":"Start_DateTime","comparator":"greater_equal","value":"2030-01-01T00:00:00+00:00"}]}}
            """)!.AsObject());

        var calendar = Calendar.Load(run.Content)!;
        var only = Assert.Single(calendar.Events);
        Assert.Equal("Filtered in", only.Summary);
        Assert.Equal(1, run.Job["result"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_ICS_sample_of_the_page_completes_with_a_calendar()
    {
        var jobId = await Client.CreateReadJobAsync(JsonNode.Parse(ReadSamples.MeetingsAsIcs)!, "/bigin/bulk/v1/read");

        var job = await Client.WaitForReadJobAsync(jobId, "/bigin/bulk/v1/read");

        Assert.Equal("COMPLETED", job["state"]!.GetValue<string>());
        var response = await Client.GetAsync($"/bigin/bulk/v1/read/{jobId}/result");
        var (name, content) = Assert.Single(ZipFiles.Read(response.Body));
        Assert.Equal($"{jobId}.ics", name);
        Assert.NotNull(Calendar.Load(content));
    }
}
