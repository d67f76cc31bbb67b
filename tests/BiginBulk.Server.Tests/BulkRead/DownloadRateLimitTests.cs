using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>The per-job download limit, on a server configured for 3 downloads a minute.</summary>
public sealed class DownloadRateLimitTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private BiginClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["BiginBulk:Limits:ReadDownloadsPerMinute"] = "3" });
        _client = new BiginClient(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Downloads_past_the_configured_limit_are_429_with_Retry_After_and_the_limit()
    {
        var run = await _client.RunReadAsync(new JsonObject { ["module"] = "Contacts" });
        (await _client.GetAsync($"/bigin/bulk/v2/read/{run.JobId}/result")).AssertStatus(HttpStatusCode.OK);
        (await _client.GetAsync($"/bigin/bulk/v1/read/{run.JobId}/result")).AssertStatus(HttpStatusCode.OK);

        var refused = await _client.GetAsync($"/bigin/bulk/v2/read/{run.JobId}/result");

        var error = refused.AssertError(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        Assert.Equal(3, error["details"]!["max_limit"]!.GetValue<int>());
        Assert.Contains("3", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(refused.Headers.TryGetValues("Retry-After", out var values), "Retry-After is required");
        var seconds = int.Parse(Assert.Single(values), NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
    }

    [Fact]
    public async Task The_limit_is_per_job()
    {
        var first = await _client.RunReadAsync(new JsonObject { ["module"] = "Calls" });
        for (var i = 0; i < 2; i++)
        {
            (await _client.GetAsync($"/bigin/bulk/v2/read/{first.JobId}/result")).AssertStatus(HttpStatusCode.OK);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await _client.GetAsync($"/bigin/bulk/v2/read/{first.JobId}/result")).Status);

        var second = await _client.RunReadAsync(new JsonObject { ["module"] = "Calls" });

        Assert.NotEqual(first.JobId, second.JobId);
    }
}
