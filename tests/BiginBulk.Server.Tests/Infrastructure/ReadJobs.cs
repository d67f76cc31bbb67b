using System.Net;
using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>A finished bulk read: the job details (<c>data[0]</c>), the zip's entry name and its text.</summary>
public sealed record ReadRun(string JobId, JsonObject Job, string EntryName, string Content)
{
    public ResultFile Csv => ResultFile.Parse(Content);

    /// <summary>The exported record ids (the <c>id</c> column), in file order.</summary>
    public IReadOnlyList<string> Ids => [.. Csv.Rows.Select(r => Csv.Cell(r, "id"))];

    /// <summary>The values of one column, in file order.</summary>
    public IReadOnlyList<string> Column(string name) => [.. Csv.Rows.Select(r => Csv.Cell(r, name))];
}

/// <summary>The bulk read flow over raw HTTP: create, poll job details, download the zip.</summary>
public static class ReadJobs
{
    public const string BiginV2 = "/bigin/bulk/v2/read";

    /// <summary>Creates a read job and returns its id, failing the test if it is refused.</summary>
    public static async Task<string> CreateReadJobAsync(this BiginClient client, JsonNode body, string path = BiginV2)
    {
        var response = await client.PostJsonAsync(path, body);
        response.AssertStatus(HttpStatusCode.Created);
        return response.Json["data"]![0]!["details"]!["id"]!.GetValue<string>();
    }

    /// <summary>Polls job details until COMPLETED or FAILURE (at most 60 s) and returns <c>data[0]</c>.</summary>
    public static async Task<JsonObject> WaitForReadJobAsync(this BiginClient client, string jobId, string path = BiginV2)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var response = await client.GetAsync($"{path}/{jobId}");
            response.AssertStatus(HttpStatusCode.OK);
            var job = response.Json["data"]![0]!.AsObject();
            var state = job["state"]!.GetValue<string>();
            if (state is "COMPLETED" or "FAILURE")
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Read job {jobId} is still {state} after 60 s.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Create, wait, download: the whole flow; fails the test unless the job completes with a one-entry zip.</summary>
    public static async Task<ReadRun> RunReadAsync(this BiginClient client, JsonObject query, string path = BiginV2)
    {
        var jobId = await client.CreateReadJobAsync(new JsonObject { ["query"] = query }, path);
        var job = await client.WaitForReadJobAsync(jobId, path);
        Assert.True(job["state"]!.GetValue<string>() == "COMPLETED", $"The job failed: {job.ToJsonString()}");
        var response = await client.GetAsync($"{path}/{jobId}/result");
        response.AssertStatus(HttpStatusCode.OK);
        var entries = ZipFiles.Read(response.Body);
        var (name, content) = Assert.Single(entries);
        return new ReadRun(jobId, job, name, content);
    }

    /// <summary>Exports <paramref name="module"/> filtered by <paramref name="criteria"/>; returns the values of <paramref name="field"/>.</summary>
    public static async Task<IReadOnlyList<string>> ExportColumnAsync(this BiginClient client, string module, string field, JsonNode? criteria, long? cvid = null)
    {
        var query = new JsonObject { ["module"] = module, ["fields"] = new JsonArray(field) };
        if (criteria is not null)
        {
            query["criteria"] = criteria.DeepClone();
        }

        if (cvid is not null)
        {
            query["cvid"] = cvid.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var run = await client.RunReadAsync(query);
        return run.Column(field);
    }

    /// <summary>Inserts records through bulk write; returns their ids in CSV row order, failing unless every row was added.</summary>
    public static async Task<IReadOnlyList<string>> InsertAsync(this BiginClient client, string module, string csv)
    {
        var run = await client.RunWriteAsync(csv, module: module, fileName: $"{module}.csv");
        Assert.True(run.Result.Statuses.All(s => s == "ADDED"), $"Not every row was added: {string.Join(" | ", run.Result.Rows.Select(r => string.Join(",", r)))}");
        return [.. run.Result.Rows.Select(r => run.Result.Cell(r, "RECORD_ID"))];
    }
}
