using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Resume;

/// <summary>
/// SIGKILL at many moments of long jobs, with a restart after each: the job completes, every input row is
/// reported exactly once, and the module holds exactly the records it should.
/// </summary>
public sealed class CrashTests
{
    private const int Rows = 25_000;

    // Small chunks make a 25,000-row job long enough to be killed at several points of it.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["BiginBulk:Limits:WriteChunkRows"] = "250",
        ["BiginBulk:Limits:MaxRowsPerFile"] = "25000",
    };

    [Fact]
    public async Task Insert_killed_at_many_moments_applies_every_row_exactly_once()
    {
        await using var server = await ServerProcess.StartAsync(Settings);
        var tag = "crash-insert";
        var jobId = await SubmitAsync(server, LargeFiles.Contacts(tag, Rows), "insert", findBy: null);

        var job = await KillAtThresholdsAsync(server, jobId, [0, 2_500, 9_000, 16_000, 23_500]);

        using var client = new BiginClient(server);
        await LargeFiles.AssertEveryRowAddedOnceAsync(client, job, tag, Rows);
    }

    [Fact]
    public async Task Upsert_killed_at_many_moments_updates_or_adds_every_row_exactly_once()
    {
        await using var server = await ServerProcess.StartAsync(Settings);
        using (var client = new BiginClient(server))
        {
            // Half of the upsert's emails exist beforehand.
            var seedId = await SubmitAsync(server, Emails(0, Rows / 2, "Before"), "insert", findBy: null);
            var seeded = await client.WaitForWriteJobAsync(seedId);
            Assert.Equal(Rows / 2, seeded["resource"]![0]!["file"]!["added_count"]!.GetValue<int>());
        }

        var jobId = await SubmitAsync(server, Emails(0, Rows, "After"), "upsert", findBy: "Email");
        var job = await KillAtThresholdsAsync(server, jobId, [0, 4_000, 11_000, 18_000, 24_000]);

        using var check = new BiginClient(server);
        var file = job["resource"]![0]!["file"]!;
        Assert.Equal(Rows / 2, file["updated_count"]!.GetValue<int>());
        Assert.Equal(Rows / 2, file["added_count"]!.GetValue<int>());
        Assert.Equal(Rows, file["total_count"]!.GetValue<int>());
        var (_, csv) = await check.DownloadWriteResultAsync(job);
        var result = ResultFile.Parse(csv);
        Assert.Equal(Rows, result.Rows.Count);
        for (var i = 0; i < Rows; i++)
        {
            var expected = i < Rows / 2 ? "UPDATED" : "ADDED";
            Assert.True(result.Cell(i, "STATUS") == expected, $"line {i + 1}: {string.Join(',', result.Rows[i])}");
            Assert.Equal($"crash{i}@upsert.test", result.Cell(i, "Email"));
        }

        var records = await check.ListRecordsAsync("Contacts", "Email,Last_Name");
        Assert.Equal(Rows, records.Count);
        Assert.All(records, r => Assert.Equal("After", r.Text("Last_Name")));
        Assert.Equal(Rows, records.Select(r => r.Text("Email")).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task Export_killed_at_many_moments_completes_with_every_record_once()
    {
        await using var server = await ServerProcess.StartAsync(Settings);
        using (var client = new BiginClient(server))
        {
            var seedId = await SubmitAsync(server, LargeFiles.Contacts("crash-export", Rows), "insert", findBy: null);
            Assert.Equal("COMPLETED", (await client.WaitForWriteJobAsync(seedId))["status"]!.GetValue<string>());
        }

        string readId;
        using (var client = new BiginClient(server))
        {
            readId = await client.CreateReadJobAsync(new JsonObject { ["query"] = new JsonObject { ["module"] = "Contacts", ["fields"] = new JsonArray("Last_Name") } });
        }

        // An export has no checkpoint: killed, it starts over. Kill it soon after each restart, several times.
        foreach (var delay in new[] { 0, 30, 80, 150 })
        {
            await Task.Delay(delay);
            await server.KillAsync();
            await server.StartAgainAsync();
        }

        using var check = new BiginClient(server);
        var job = await check.WaitForReadJobAsync(readId);
        Assert.Equal("COMPLETED", job["state"]!.GetValue<string>());
        Assert.Equal(Rows, job["result"]!["count"]!.GetValue<int>());
        Assert.False(job["result"]!["more_records"]!.GetValue<bool>());
        var download = await check.GetAsync($"/bigin/bulk/v2/read/{readId}/result");
        download.AssertStatus(HttpStatusCode.OK);
        var csv = ResultFile.Parse(Assert.Single(ZipFiles.Read(download.Body)).Value);
        Assert.Equal(Rows, csv.Rows.Count);
        Assert.Equal(Rows, csv.Rows.Select(r => csv.Cell(r, "id")).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(1, Rows).Select(n => $"crash-export-{n}").Order(StringComparer.Ordinal),
            csv.Rows.Select(r => csv.Cell(r, "Last_Name")).Order(StringComparer.Ordinal));
    }

    /// <summary>Kills the server once the job has passed each threshold of total_count, restarting each time,
    /// then waits for the job to complete.</summary>
    private static async Task<JsonObject> KillAtThresholdsAsync(ServerProcess server, string jobId, int[] thresholds)
    {
        var kills = 0;
        foreach (var threshold in thresholds)
        {
            using var client = new BiginClient(server);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (true)
            {
                var (status, total, _) = await LargeFiles.PollAsync(client, jobId);
                if (status == "COMPLETED")
                {
                    break;
                }

                if (total >= threshold)
                {
                    await server.KillAsync();
                    await server.StartAgainAsync();
                    kills++;
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"job {jobId} never reached {threshold} rows");
                await Task.Delay(5);
            }
        }

        Assert.True(kills >= 2, $"The job finished before it could be killed more than {kills} time(s).");
        using var final = new BiginClient(server);
        var job = await final.WaitForWriteJobAsync(jobId);
        Assert.Equal("COMPLETED", job["status"]!.GetValue<string>());
        return job;
    }

    private static async Task<string> SubmitAsync(ServerProcess server, string csv, string operation, string? findBy)
    {
        using var client = new BiginClient(server);
        var fileId = await client.UploadCsvAsync(csv, "Crash.csv");
        var resource = new JsonObject { ["type"] = "data", ["module"] = "Contacts", ["file_id"] = fileId };
        if (findBy is not null)
        {
            resource["find_by"] = findBy;
        }

        return await client.CreateWriteJobAsync(new JsonObject { ["operation"] = operation, ["resource"] = new JsonArray(resource) });
    }

    private static string Emails(int from, int to, string lastName)
    {
        var csv = new StringBuilder("Email,Last_Name\n");
        for (var i = from; i < to; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"crash{i}@upsert.test,{lastName}\n");
        }

        return csv.ToString();
    }
}
