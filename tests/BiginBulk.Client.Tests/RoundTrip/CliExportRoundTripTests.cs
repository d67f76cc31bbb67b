using System.Globalization;
using System.Text;
using System.Text.Json;
using BiginBulk.Client.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.RoundTrip;

/// <summary><c>biginbulk login</c> and <c>export</c> against a real server, across several pages.</summary>
public sealed class CliExportRoundTripTests(RoundTripServer fixture) : IClassFixture<RoundTripServer>
{
    [Fact]
    public async Task An_export_with_a_where_expression_follows_every_page_into_one_file()
    {
        var countries = new[] { "DE", "US", "FR", "JP" };
        var csv = new StringBuilder("Last_Name,Email,Mailing_Country\n");
        var expected = new List<string>();
        for (var i = 1; i <= 2400; i++)
        {
            var last = i % 3 == 0 ? "Boyle" : $"N{i}";
            var country = countries[i % 4];
            var email = $"e{i}@{(i % 10 == 0 ? "elsewhere.test" : "example.com")}";
            csv.Append(CultureInfo.InvariantCulture, $"{last},{email},{country}\n");
            if (email.EndsWith("@example.com", StringComparison.Ordinal) && (last == "Boyle" || country is "DE" or "US"))
            {
                expected.Add(email);
            }
        }

        var path = CsvFiles.TempPath("export-seed.csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        var cli = new CliRun();
        var bootstrap = Path.Combine(fixture.Server.DataDirectory, "data", "bootstrap.json");
        var login = await cli.RunAsync("login", "--bootstrap", bootstrap);
        Assert.True(login.ExitCode == 0, login.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.ConfigPath));
        var import = await cli.RunAsync("import", path, "--module", "Contacts");
        Assert.True(import.ExitCode == 0, import.Error);

        var output = CsvFiles.TempPath("contacts-export.csv");
        var export = await cli.RunAsync("export", "Contacts", "--fields", "Last_Name,Email,Mailing_Country", "-o", output, "--format", "json",
            "--where", """Email ends_with "@example.com" and (Last_Name = "Boyle" or Mailing_Country in ("DE","US"))""");

        Assert.True(export.ExitCode == 0, export.Error);
        using var summary = JsonDocument.Parse(export.Output);
        var pages = (expected.Count + RoundTripServer.ReadPageSize - 1) / RoundTripServer.ReadPageSize;
        Assert.True(pages >= 3, $"the data should span several pages, not {pages}");
        Assert.Equal(pages, summary.RootElement.GetProperty("pages").GetInt32());
        Assert.Equal(expected.Count, summary.RootElement.GetProperty("records").GetInt64());
        var rows = await CsvFiles.ReadAsync(output);
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(r => r["Email"]).Order(StringComparer.Ordinal));
        Assert.Equal(["Last_Name", "Email", "Mailing_Country", "id"], rows[0].Keys);
        Assert.Equal(1, File.ReadLines(output).Count(l => l.StartsWith("Last_Name,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_ics_export_writes_one_calendar_and_modules_and_fields_answer_json()
    {
        var cli = new CliRun()
            .With("BIGINBULK_SERVER", fixture.Server.BaseAddress.ToString())
            .With("BIGINBULK_TOKEN", fixture.Credentials.AccessToken)
            .With("BIGINBULK_ORG", fixture.Credentials.OrgId);
        var events = CsvFiles.TempPath("events.csv");
        await File.WriteAllTextAsync(events, "Event_Title,Start_DateTime,End_DateTime\nKickoff,2026-04-01T10:00:00Z,2026-04-01T11:00:00Z\n");
        Assert.Equal(0, (await cli.RunAsync("import", events, "--module", "Events")).ExitCode);

        var output = CsvFiles.TempPath("events.ics");
        var export = await cli.RunAsync("export", "Events", "--ics", "-o", output);

        Assert.True(export.ExitCode == 0, export.Error);
        var text = await File.ReadAllTextAsync(output);
        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Kickoff", text, StringComparison.Ordinal);

        var modules = await cli.RunAsync("modules", "--format", "json");
        using (var json = JsonDocument.Parse(modules.Output))
        {
            Assert.Contains(json.RootElement.GetProperty("modules").EnumerateArray(), m => m.GetProperty("api_name").GetString() == "Events");
        }

        var fields = await cli.RunAsync("fields", "Events", "--format", "json");
        using (var json = JsonDocument.Parse(fields.Output))
        {
            Assert.Contains(json.RootElement.GetProperty("fields").EnumerateArray(),
                f => f.GetProperty("api_name").GetString() == "Event_Title" && f.GetProperty("mandatory").GetBoolean());
        }
    }

    [Fact]
    public async Task Jobs_show_reports_a_write_job_and_a_read_job()
    {
        var client = fixture.Client;
        var write = await client.StartBulkWriteAsync(new BulkWriteRequest("Contacts",
            await client.UploadCsvAsync(new MemoryStream("Last_Name,Email\nShow,show@jobs.test\n"u8.ToArray()), "jobs.csv")));
        await write.WaitForCompletionAsync();
        var read = await client.StartBulkReadAsync(new BulkReadQuery("Contacts"));
        await read.WaitForCompletionAsync();
        var cli = new CliRun();
        string[] connection = ["--server", fixture.Server.BaseAddress.ToString(), "--token", fixture.Credentials.AccessToken, "--format", "json"];

        using (var json = JsonDocument.Parse((await cli.RunAsync(["jobs", "show", write.Id, .. connection])).Output))
        {
            Assert.Equal(("write", "COMPLETED", 1), (json.RootElement.GetProperty("kind").GetString(), json.RootElement.GetProperty("status").GetString(),
                json.RootElement.GetProperty("added").GetInt32()));
        }

        using (var json = JsonDocument.Parse((await cli.RunAsync(["jobs", "show", read.Id, .. connection])).Output))
        {
            Assert.Equal(("read", "COMPLETED"), (json.RootElement.GetProperty("kind").GetString(), json.RootElement.GetProperty("state").GetString()));
        }
    }
}
