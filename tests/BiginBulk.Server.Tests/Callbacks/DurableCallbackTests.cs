using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Callbacks;

public sealed class DurableCallbackTests
{
    private static Dictionary<string, string> Settings(bool allowPrivate = true) => new()
    {
        ["BiginBulk:Callbacks:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
        ["BiginBulk:Callbacks:RetryBaseDelay"] = "00:00:00.300",
        ["BiginBulk:Callbacks:PollInterval"] = "00:00:00.100",
        ["BiginBulk:Callbacks:MaxAttempts"] = "4",
    };

    [Fact]
    public async Task Failed_deliveries_are_retried_and_every_attempt_is_visible_to_the_owner()
    {
        await using var server = await ServerProcess.StartAsync(Settings());
        using var client = new BiginClient(server);
        using var receiver = new CallbackReceiver { Status = 503 };
        var jobId = await CreateJobWithCallbackAsync(client, receiver.Url);

        Assert.Equal(jobId, JsonNode.Parse((await receiver.NextAsync()).Body)!["id"]!.GetValue<string>());
        receiver.Status = 200;
        await receiver.NextAsync();

        var status = await WaitForCallbackStateAsync(client, jobId, "delivered");
        var attempts = status["attempts"]!.AsArray();
        Assert.True(attempts.Count >= 2, status.ToJsonString());
        Assert.Equal(503, attempts[0]!["http_status"]!.GetValue<int>());
        Assert.Equal(200, attempts[^1]!["http_status"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(1, attempts.Count), attempts.Select(a => a!["attempt"]!.GetValue<int>()));
        Assert.Equal(receiver.Url, status["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_callback_survives_a_restart_of_the_server()
    {
        await using var server = await ServerProcess.StartAsync(Settings());
        using var receiver = new CallbackReceiver { Status = 500 };
        string jobId;
        using (var client = new BiginClient(server))
        {
            jobId = await CreateJobWithCallbackAsync(client, receiver.Url);
            await receiver.NextAsync();
        }

        await server.KillAsync();
        receiver.Status = 200;
        await server.StartAgainAsync();

        using var after = new BiginClient(server);
        var status = await WaitForCallbackStateAsync(after, jobId, "delivered");
        Assert.Equal(200, status["attempts"]!.AsArray()[^1]!["http_status"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_address_is_checked_again_at_delivery()
    {
        await using var server = await ServerProcess.StartAsync(Settings(allowPrivate: true));
        using var receiver = new CallbackReceiver { Status = 500 };
        string jobId;
        using (var client = new BiginClient(server))
        {
            jobId = await CreateJobWithCallbackAsync(client, receiver.Url);
            await receiver.NextAsync();
        }

        // The operator turns private networks off: the queued loopback callback may no longer be sent.
        await server.KillAsync();
        server.Settings["BiginBulk:Callbacks:AllowPrivateNetworks"] = "false";
        await server.StartAgainAsync();
        using var after = new BiginClient(server);
        var status = await WaitForCallbackStateAsync(after, jobId, "failed");
        var last = status["attempts"]!.AsArray()[^1]!;
        Assert.Null(last["http_status"]);
        Assert.Contains("no address a callback may reach", last["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_without_callback_has_no_callback_status()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new BiginClient(server);
        var run = await client.RunWriteAsync("Last_Name\nQuiet\n");
        (await client.GetAsync($"/biginbulk/v1/jobs/{run.JobId}/callback")).AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    private static async Task<string> CreateJobWithCallbackAsync(BiginClient client, string url)
    {
        var fileId = await client.UploadCsvAsync("Last_Name\nCalled\n");
        return await client.CreateWriteJobAsync(new JsonObject
        {
            ["operation"] = "insert",
            ["callback"] = new JsonObject { ["url"] = url, ["method"] = "post" },
            ["resource"] = new JsonArray(new JsonObject { ["type"] = "data", ["module"] = "Contacts", ["file_id"] = fileId }),
        });
    }

    private static async Task<JsonObject> WaitForCallbackStateAsync(BiginClient client, string jobId, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var response = await client.GetAsync($"/biginbulk/v1/jobs/{jobId}/callback");
            if (response.Status == HttpStatusCode.OK && response.Json["state"]!.GetValue<string>() == state)
            {
                return response.Json.AsObject();
            }

            Assert.True(DateTime.UtcNow < deadline, $"callback of {jobId} never became {state}: {response.Text}");
            await Task.Delay(100);
        }
    }
}
