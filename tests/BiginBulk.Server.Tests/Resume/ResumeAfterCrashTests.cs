using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Resume;

public sealed class ResumeAfterCrashTests
{
    private const int Rows = 20_000;

    [Fact]
    public async Task A_job_killed_mid_way_resumes_and_applies_every_row_exactly_once()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:WriteChunkRows"] = "500",
        });
        var tag = WriteJobs.NewTag();
        string jobId;
        int totalAtKill;
        using (var client = new BiginClient(server))
        {
            jobId = await LargeFiles.SubmitInsertAsync(client, LargeFiles.Contacts(tag, Rows));
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (true)
            {
                var (status, total, job) = await LargeFiles.PollAsync(client, jobId);
                Assert.True(status is "ADDED" or "IN PROGRESS", $"The job got to {status} before it could be killed: {job.ToJsonString()}");
                if (status == "IN PROGRESS" && total > 0)
                {
                    totalAtKill = total;
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, "The job never reported progress.");
            }

            await server.KillAsync();
        }

        Assert.True(totalAtKill < Rows, $"The job had already processed all {Rows} rows when it was killed.");

        await server.StartAgainAsync();
        using var restarted = new BiginClient(server);
        var (statusAfterRestart, totalAfterRestart, _) = await LargeFiles.PollAsync(restarted, jobId);
        Assert.True(totalAfterRestart >= totalAtKill, $"total_count went from {totalAtKill} to {totalAfterRestart} ({statusAfterRestart}) across the crash");

        var completed = await restarted.WaitForWriteJobAsync(jobId);
        Assert.Equal("COMPLETED", completed["status"]!.GetValue<string>());
        await LargeFiles.AssertEveryRowAddedOnceAsync(restarted, completed, tag, Rows);
    }
}
