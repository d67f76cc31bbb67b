using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Resume;

public sealed class ProgressTests
{
    private const int Rows = 20_000;

    [Fact]
    public async Task Counts_grow_while_a_job_runs_and_end_at_the_row_count()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:WriteChunkRows"] = "100",
        });
        using var client = new BiginClient(server);
        var tag = WriteJobs.NewTag();
        var jobId = await LargeFiles.SubmitInsertAsync(client, LargeFiles.Contacts(tag, Rows));

        var observed = new List<(string Status, int Total)>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var (status, total, _) = await LargeFiles.PollAsync(client, jobId);
            observed.Add((status, total));
            if (status is "COMPLETED" or "FAILED" || DateTime.UtcNow > deadline)
            {
                break;
            }
        }

        var trace = string.Join(" ", observed.Select(o => $"{o.Status}:{o.Total}"));
        Assert.True(observed[^1] == ("COMPLETED", Rows), trace);
        for (var i = 1; i < observed.Count; i++)
        {
            Assert.True(observed[i].Total >= observed[i - 1].Total, $"total_count went down at poll {i}: {trace}");
        }

        // The last chunk commits its rows together with COMPLETED, so a completed job always shows every row.
        Assert.DoesNotContain(observed, o => o.Status == "COMPLETED" && o.Total != Rows);
        Assert.Contains(observed, o => o.Status == "IN PROGRESS" && o.Total > 0 && o.Total < Rows);
    }
}
