using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Cluster;

/// <summary>
/// Three server processes over one store (one PostgreSQL database, or on the SQLite run one data directory):
/// any node answers any call, each job is run by one worker at a time, and when a node dies mid-job another
/// takes the job over after its lease expires and finishes it from the checkpoint.
/// </summary>
public sealed class ThreeNodeTests
{
    private const int RowsPerJob = 8_000;

    private static Dictionary<string, string> NodeSettings(int node) => new()
    {
        ["BiginBulk:NodeId"] = node.ToString(CultureInfo.InvariantCulture),
        ["BiginBulk:Limits:WriteChunkRows"] = "200",
        ["BiginBulk:Worker:LeaseDuration"] = "00:00:03",
    };

    [Fact]
    public async Task Jobs_submitted_through_different_nodes_all_complete_when_one_node_is_killed_mid_job()
    {
        await using var node1 = await ServerProcess.StartAsync(NodeSettings(1));
        await using var node2 = await ServerProcess.StartNodeAsync(node1, NodeSettings(2));
        await using var node3 = await ServerProcess.StartNodeAsync(node1, NodeSettings(3));
        ServerProcess[] nodes = [node1, node2, node3];

        // Each job's file is uploaded through one node and the job created through another: files live in the store.
        var jobs = new List<(string JobId, string Tag)>();
        for (var i = 0; i < 3; i++)
        {
            using var uploader = new BiginClient(nodes[i]);
            using var creator = new BiginClient(nodes[(i + 1) % 3]);
            var tag = $"node-job-{i}";
            var fileId = await uploader.UploadCsvAsync(Contacts(tag), $"Cluster{i}.csv");
            jobs.Add((await creator.CreateWriteJobAsync(WriteJobs.Body(fileId)), tag));
        }

        // Kill node 2 once the jobs are under way.
        using (var watcher = new BiginClient(node1))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (await TotalAsync(watcher, jobs) < RowsPerJob / 4)
            {
                Assert.True(DateTime.UtcNow < deadline, "The jobs never started.");
                await Task.Delay(10);
            }
        }

        await node2.KillAsync();

        using var client = new BiginClient(node3);
        foreach (var (jobId, tag) in jobs)
        {
            var job = await client.WaitForWriteJobAsync(jobId);
            Assert.Equal("COMPLETED", job["status"]!.GetValue<string>());
            var file = job["resource"]![0]!["file"]!;
            Assert.Equal(RowsPerJob, file["added_count"]!.GetValue<int>());
            Assert.Equal(RowsPerJob, file["total_count"]!.GetValue<int>());
            var (_, csv) = await client.DownloadWriteResultAsync(job);
            var result = ResultFile.Parse(csv);
            Assert.Equal(RowsPerJob, result.Rows.Count);
            Assert.All(result.Rows, r => Assert.Equal("ADDED", result.Cell(r, "STATUS")));
            Assert.Equal(RowsPerJob, result.Rows.Select(r => result.Cell(r, "RECORD_ID")).Distinct(StringComparer.Ordinal).Count());
        }

        var records = await client.ListRecordsAsync("Contacts", "Last_Name");
        foreach (var (_, tag) in jobs)
        {
            var names = records.Select(r => r.Text("Last_Name")!).Where(n => n.StartsWith(tag + "-", StringComparison.Ordinal)).ToList();
            Assert.Equal(RowsPerJob, names.Count);
            Assert.Equal(RowsPerJob, names.Distinct(StringComparer.Ordinal).Count());
        }
    }

    private static async Task<int> TotalAsync(BiginClient client, List<(string JobId, string Tag)> jobs)
    {
        var total = 0;
        foreach (var (jobId, _) in jobs)
        {
            var job = await client.GetAsync($"/bigin/bulk/v2/write/{jobId}");
            total += job.Json["resource"]![0]!["file"]!["total_count"]?.GetValue<int>() ?? 0;
        }

        return total;
    }

    private static string Contacts(string tag)
    {
        var csv = new StringBuilder("Last_Name,First_Name\n");
        for (var n = 1; n <= RowsPerJob; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{tag}-{n},N{n}\n");
        }

        return csv.ToString();
    }
}
