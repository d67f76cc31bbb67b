using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>A job that has not run (the worker is off on this server): no <c>result</c>, and no download.</summary>
public sealed class UnfinishedReadJobTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private BiginClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["BiginBulk:Worker:Enabled"] = "false" });
        _client = new BiginClient(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_ADDED_job_has_details_without_result()
    {
        var jobId = await _client.CreateReadJobAsync(JsonNode.Parse(ReadSamples.WithLookupFields)!, "/bigin/bulk/v1/read");

        var response = await _client.GetAsync($"/bigin/bulk/v1/read/{jobId}");

        response.AssertStatus(HttpStatusCode.OK);
        var job = response.Json["data"]![0]!.AsObject();
        Assert.Equal("ADDED", job["state"]!.GetValue<string>());
        Assert.False(job.ContainsKey("result"), $"result is only given once COMPLETED: {response.Text}");
        Assert.Equal(["created_by", "created_time", "file_type", "id", "operation", "query", "state"], job.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Downloading_before_completion_is_a_clear_400_naming_the_state()
    {
        var jobId = await _client.CreateReadJobAsync(new JsonObject { ["query"] = new JsonObject { ["module"] = "Contacts" } });

        var response = await _client.GetAsync($"/bigin/bulk/v2/read/{jobId}/result");

        var error = response.AssertError(HttpStatusCode.BadRequest, "INVALID_REQUEST");
        Assert.Equal("ADDED", error["details"]!["state"]!.GetValue<string>());
        Assert.Contains("COMPLETED", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
