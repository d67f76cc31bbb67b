using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.CreateJob;

/// <summary>The per-org cap on unfinished jobs holds when many creates arrive at once, on every store.</summary>
public sealed class JobAdmissionConcurrencyTests
{
    [Fact]
    public async Task Thirty_concurrent_creates_admit_exactly_the_cap_and_refuse_the_rest_with_retry_after()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:MaxConcurrentJobsPerOrg"] = "10",
            ["BiginBulk:Worker:Enabled"] = "false",
        });
        using var client = new BiginClient(server);
        var fileId = await client.UploadCsvAsync("Last_Name\nQueued\n");
        var write = new JsonObject
        {
            ["operation"] = "insert",
            ["resource"] = new JsonArray(new JsonObject { ["type"] = "data", ["module"] = "Contacts", ["file_id"] = fileId }),
        };
        const string Read = """{"query":{"module":"Contacts"}}""";

        // Writes and reads mixed: the cap counts both kinds together.
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => i % 3 == 0
            ? client.PostJsonAsync("/bigin/bulk/v2/read", Read)
            : client.PostJsonAsync("/bigin/bulk/v2/write", write.ToJsonString())));

        var statuses = responses.Select(r => r.Status).ToList();
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(responses.Where(r => r.Status == HttpStatusCode.TooManyRequests), r =>
        {
            r.AssertError(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
            Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 needs a Retry-After.");
        });
        var again = await client.PostJsonAsync("/bigin/bulk/v2/write", write.ToJsonString());
        again.AssertError(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
    }
}
