using System.Globalization;
using System.Text;
using BiginBulk.Client.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.RoundTrip;

/// <summary>The SDK against a real server: split import with merged results, upsert, token refresh, ICS.</summary>
public sealed class SdkRoundTripTests(RoundTripServer fixture) : IClassFixture<RoundTripServer>
{
    [Fact]
    public async Task A_split_import_merges_results_in_input_order_with_the_original_row_numbers()
    {
        var path = CsvFiles.TempPath("split.csv");
        var csv = new StringBuilder("Last_Name,Email\n");
        for (var i = 1; i <= 250; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{(i is 7 or 130 or 250 ? "" : $"L{i}")},row{i}@merge.test\n");
            if (i is 50 or 120)
            {
                // Blank lines are no rows, for the server and the SDK alike: later row numbers must not shift.
                csv.Append('\n');
            }
        }

        await File.WriteAllTextAsync(path, csv.ToString());
        using var client = fixture.CreateClient(maxRowsPerFile: 100);
        var seen = new List<BulkImportProgress>();

        var result = await client.ImportAsync(path, new BulkImportOptions("Contacts"), new SyncReport<BulkImportProgress>(seen.Add));

        Assert.Equal(3, result.Jobs.Count);
        Assert.Equal((250L, 247L, 3L), (result.TotalRows, result.Added, result.Skipped));
        var rows = new List<BulkWriteResultRow>();
        await foreach (var row in result.GetResultsAsync())
        {
            rows.Add(row);
        }

        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), rows.Select(r => r.RowNumber));
        Assert.Equal([7L, 130L, 250L], rows.Where(r => r.Failed).Select(r => r.RowNumber));
        Assert.All(rows.Where(r => r.Failed), r => Assert.Equal(new BulkWriteRowError("MANDATORY_NOT_FOUND", "Last_Name"), Assert.Single(r.Errors)));
        Assert.Equal([0, 1, 2], seen.Where(p => p.Status is { HasCompleted: true }).Select(p => p.Part).Distinct().Order());
        Assert.Equal([100L, 100L, 50L], seen.Where(p => p.Status is null).OrderBy(p => p.Part).Select(p => p.Rows));

        using var failed = new MemoryStream();
        Assert.Equal(3, await result.WriteFailedRowsAsync(failed));
        Assert.Equal("Last_Name,Email\r\n,row7@merge.test\r\n,row130@merge.test\r\n,row250@merge.test\r\n", Encoding.UTF8.GetString(failed.ToArray()));
    }

    [Fact]
    public async Task An_upsert_updates_the_records_it_finds_and_adds_the_rest()
    {
        var client = fixture.Client;
        var insert = await client.StartBulkWriteAsync(new BulkWriteRequest("Contacts",
            await client.UploadCsvAsync(new MemoryStream("Last_Name,Email,Phone\nLovelace,ada@upsert.test,1\nHopper,grace@upsert.test,2\n"u8.ToArray()), "first.csv")));
        await insert.WaitForCompletionAsync();
        var inserted = new List<BulkWriteResultRow>();
        await foreach (var row in insert.GetResultsAsync())
        {
            inserted.Add(row);
        }

        var path = CsvFiles.TempPath("upsert.csv");
        await File.WriteAllTextAsync(path, "Last_Name,Email,Phone\nHopper,grace@upsert.test,555-0102\nTuring,alan@upsert.test,555-0103\nLovelace,ada@upsert.test,555-0101\n");
        var result = await client.ImportAsync(path, new BulkImportOptions("Contacts") { Operation = BulkWriteOperationType.Upsert, FindBy = "Email" });

        Assert.Equal((1L, 2L, 0L), (result.Added, result.Updated, result.Skipped));
        var rows = new List<BulkWriteResultRow>();
        await foreach (var row in result.GetResultsAsync())
        {
            rows.Add(row);
        }

        Assert.Equal([BulkWriteRowStatus.Updated, BulkWriteRowStatus.Added, BulkWriteRowStatus.Updated], rows.Select(r => r.Status));
        Assert.Equal(inserted[1].RecordId, rows[0].RecordId);
        Assert.Equal(inserted[0].RecordId, rows[2].RecordId);
        Assert.DoesNotContain(rows[1].RecordId, inserted.Select(r => r.RecordId));

        var export = await client.StartBulkReadAsync(new BulkReadQuery("Contacts")
        {
            Fields = ["Email", "Phone"],
            Criteria = Criteria.EndsWith("Email", "@upsert.test"),
        });
        var phones = new Dictionary<string, string>();
        await foreach (var record in export.GetRecordsAsync())
        {
            phones[record["Email"]] = record["Phone"];
        }

        Assert.Equal(new Dictionary<string, string>
        {
            ["ada@upsert.test"] = "555-0101", ["grace@upsert.test"] = "555-0102", ["alan@upsert.test"] = "555-0103",
        }, phones);
    }

    [Fact]
    public async Task An_expired_or_unknown_access_token_is_refreshed_with_the_refresh_token()
    {
        using var client = fixture.CreateClient(accessToken: "1000.expired-or-unknown");

        var modules = await client.GetModulesAsync();

        Assert.Contains(modules, m => m.ApiName == "Contacts");
        var fields = await client.GetFieldsAsync("Contacts");
        Assert.Contains(fields, f => f.ApiName == "Last_Name" && f.Mandatory);
    }

    [Fact]
    public async Task Events_export_as_ics_and_stream_as_calendar_events()
    {
        var client = fixture.Client;
        var csv = "Event_Title,Start_DateTime,End_DateTime\nStandup,2026-03-02T09:00:00Z,2026-03-02T09:15:00Z\nReview,2026-03-03T14:00:00Z,2026-03-03T15:00:00Z\n";
        var write = await client.StartBulkWriteAsync(new BulkWriteRequest("Events", await client.UploadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "events.csv")));
        var done = await write.WaitForCompletionAsync();
        Assert.Equal(2, done.AddedCount);

        var read = await client.StartBulkReadAsync(new BulkReadQuery("Events") { FileType = BulkReadFileType.Ics });
        var titles = new List<string>();
        await foreach (var e in read.GetRecordsAsync())
        {
            titles.Add(e["SUMMARY"]);
            Assert.StartsWith("2026030", e["DTSTART"], StringComparison.Ordinal);
        }

        Assert.Equal(["Review", "Standup"], titles.Order());
        Assert.Equal("ics", read.Status!.FileType);
    }

    private sealed class SyncReport<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
