using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Resume;

/// <summary>Big contact files and job polling for the progress and crash tests.</summary>
internal static class LargeFiles
{
    /// <summary><paramref name="rows"/> contacts named <c>{tag}-{n}</c>, n from 1, without unique fields:
    /// a row applied twice would show up as a second record.</summary>
    public static string Contacts(string tag, int rows)
    {
        var csv = new StringBuilder("Last_Name,First_Name,Title\n");
        for (var n = 1; n <= rows; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{tag}-{n},First {n},Row {n}\n");
        }

        return csv.ToString();
    }

    public static async Task<string> SubmitInsertAsync(BiginClient client, string csv)
    {
        var fileId = await client.UploadCsvAsync(csv, "Big.csv");
        return await client.CreateWriteJobAsync(WriteJobs.Body(fileId));
    }

    /// <summary>The job's status and file.total_count right now.</summary>
    public static async Task<(string Status, int Total, JsonObject Job)> PollAsync(BiginClient client, string jobId)
    {
        var response = await client.GetAsync($"/bigin/bulk/v2/write/{jobId}");
        response.AssertStatus(HttpStatusCode.OK);
        var job = response.Json.AsObject();
        var file = job["resource"]![0]!["file"]!.AsObject();
        var total = file["total_count"]?.GetValue<int>() ?? 0;
        return (job["status"]!.GetValue<string>(), total, job);
    }

    /// <summary>
    /// Checks a finished insert of <see cref="Contacts"/>: the result has one line per input row, in order,
    /// each ADDED with its own record id; the module holds exactly those records; the counts agree.
    /// </summary>
    public static async Task AssertEveryRowAddedOnceAsync(BiginClient client, JsonObject completedJob, string tag, int rows)
    {
        var (_, csv) = await client.DownloadWriteResultAsync(completedJob);
        var result = ResultFile.Parse(csv);
        Assert.Equal(rows, result.Rows.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows; i++)
        {
            var line = result.Rows[i];
            Assert.True($"{tag}-{i + 1}" == result.Cell(line, "Last_Name"), $"line {i + 1} is for {result.Cell(line, "Last_Name")}");
            Assert.True(result.Cell(line, "STATUS") == "ADDED", $"line {i + 1}: {string.Join(',', line)}");
            Assert.True(ids.Add(result.Cell(line, "RECORD_ID")), $"line {i + 1} repeats record id {result.Cell(line, "RECORD_ID")}");
        }

        var file = completedJob["resource"]![0]!["file"]!;
        Assert.Equal(rows, file["added_count"]!.GetValue<int>());
        Assert.Equal(0, file["updated_count"]!.GetValue<int>());
        Assert.Equal(0, file["skipped_count"]!.GetValue<int>());
        Assert.Equal(rows, file["total_count"]!.GetValue<int>());

        var records = await client.ListRecordsAsync("Contacts", "Last_Name");
        var tagged = records.Where(r => r.Text("Last_Name")!.StartsWith(tag + "-", StringComparison.Ordinal)).ToList();
        Assert.Equal(rows, tagged.Count);
        Assert.Equal(rows, tagged.Select(r => r.Text("Last_Name")).Distinct(StringComparer.Ordinal).Count());
        Assert.True(ids.SetEquals(tagged.Select(r => r.Text("id")!)), "The result's record ids are not the records stored.");
    }
}
