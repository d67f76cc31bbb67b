using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Callbacks;

public sealed class WriteJobCallbackTests
{
    [Fact]
    public async Task Completed_write_job_posts_its_details_to_the_callback_url()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Callbacks:AllowPrivateNetworks"] = "true",
        });
        using var client = new BiginClient(server);
        using var receiver = new CallbackReceiver();
        var fileId = await client.UploadCsvAsync("Last_Name,Email\nCallback,callback@example.com\n");
        var jobId = await client.CreateWriteJobAsync(new JsonObject
        {
            ["operation"] = "insert",
            ["callback"] = new JsonObject { ["url"] = receiver.Url, ["method"] = "post" },
            ["resource"] = new JsonArray(new JsonObject { ["type"] = "data", ["module"] = "Contacts", ["file_id"] = fileId }),
        });

        var callback = await receiver.NextAsync();

        Assert.Equal("POST", callback.Method);
        Assert.Equal("application/json", callback.ContentType);
        var body = JsonNode.Parse(callback.Body)!;
        Assert.Equal(jobId, body["id"]!.GetValue<string>());
        Assert.Equal("COMPLETED", body["status"]!.GetValue<string>());
        Assert.Equal(1, body["resource"]![0]!["file"]!["added_count"]!.GetValue<int>());
        Assert.Equal(receiver.Url, body["callback"]!["url"]!.GetValue<string>());
        Assert.EndsWith($"/bulk-write/{jobId}/{jobId}.zip", body["result"]!["download_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Loopback_callback_is_refused_unless_the_operator_allows_private_networks()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new BiginClient(server);
        using var receiver = new CallbackReceiver();
        var fileId = await client.UploadCsvAsync("Last_Name\nCallback\n");
        var response = await client.PostJsonAsync("/bigin/bulk/v2/write", new JsonObject
        {
            ["operation"] = "insert",
            ["callback"] = new JsonObject { ["url"] = receiver.Url, ["method"] = "post" },
            ["resource"] = new JsonArray(new JsonObject { ["type"] = "data", ["module"] = "Contacts", ["file_id"] = fileId }),
        });

        var error = response.AssertError(System.Net.HttpStatusCode.BadRequest, "INVALID_CALLBACK_URL");
        Assert.Equal("possible ssrf attempt", error["details"]!["reason"]!.GetValue<string>());
    }
}
