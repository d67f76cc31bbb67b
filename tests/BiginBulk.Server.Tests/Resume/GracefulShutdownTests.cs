using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Resume;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_stops_the_node_cleanly_and_releases_its_job_for_another_node_at_once()
    {
        // Leases that would outlive the test: only a released lease lets the next node continue in time.
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:WriteChunkRows"] = "250",
            ["BiginBulk:Worker:LeaseDuration"] = "00:10:00",
            ["BiginBulk:NodeId"] = "1",
        });
        const string tag = "sigterm";
        string jobId;
        using (var client = new BiginClient(server))
        {
            jobId = await LargeFiles.SubmitInsertAsync(client, LargeFiles.Contacts(tag, 25_000));
            while ((await LargeFiles.PollAsync(client, jobId)).Total < 1_000)
            {
                await Task.Delay(5);
            }
        }

        var exitCode = await server.TerminateAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, exitCode);

        // Another node (a different node id, so it cannot release the first node's leases itself).
        server.Settings["BiginBulk:NodeId"] = "2";
        await server.StartAgainAsync();
        using var after = new BiginClient(server);
        var (status, total, _) = await LargeFiles.PollAsync(after, jobId);
        Assert.True(status is "IN PROGRESS" or "COMPLETED", status);
        Assert.True(total < 25_000 || status == "COMPLETED");
        var job = await after.WaitForWriteJobAsync(jobId);
        Assert.Equal("COMPLETED", job["status"]!.GetValue<string>());
        await LargeFiles.AssertEveryRowAddedOnceAsync(after, job, tag, 25_000);
    }
}
