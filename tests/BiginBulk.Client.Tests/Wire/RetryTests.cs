using System.Diagnostics;
using System.Net;
using BiginBulk.Client.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.Wire;

public sealed class RetryTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_seconds_Retry_After_asks()
    {
        var stub = new StubHandler((_, index) =>
        {
            if (index > 0)
            {
                return Task.FromResult(StubHandler.Json(ZohoAnswers.Modules));
            }

            var busy = StubHandler.Json("""{"status":"error","code":"TOO_MANY_REQUESTS","message":"slow down","details":{}}""", HttpStatusCode.TooManyRequests);
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            return Task.FromResult(busy);
        });
        // A tiny backoff: only Retry-After can explain a two-second wait.
        using var client = new BiginClient(BiginCredential.FromAccessToken("1000.t"),
            new BiginClientOptions { Transport = stub, RetryDelay = TimeSpan.FromMilliseconds(1) });
        var clock = Stopwatch.StartNew();

        await client.GetModulesAsync();

        Assert.Equal(2, stub.Requests.Count);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_the_last_one_surfaces_after_MaxRetries()
    {
        var stub = new StubHandler((_, _) => Task.FromResult(StubHandler.Json(
            """{"status":"error","code":"INTERNAL_ERROR","message":"Internal Server Error","details":{"reason":"x"}}""", HttpStatusCode.InternalServerError)));
        using var client = new BiginClient(BiginCredential.FromAccessToken("1000.t"),
            new BiginClientOptions { Transport = stub, MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5) });

        var error = await Assert.ThrowsAsync<BulkApiException>(() => client.GetModulesAsync());

        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(500, error.Status);
        Assert.Equal("INTERNAL_ERROR", error.ErrorCode);
        Assert.Equal("x", error.Details!.Value.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Network_failures_are_retried()
    {
        var stub = new StubHandler((_, index) => index < 2
            ? throw new HttpRequestException("connection refused")
            : Task.FromResult(StubHandler.Json(ZohoAnswers.Modules)));
        using var client = new BiginClient(BiginCredential.FromAccessToken("1000.t"),
            new BiginClientOptions { Transport = stub, RetryDelay = TimeSpan.FromMilliseconds(5) });

        Assert.Single(await client.GetModulesAsync());
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        var stub = new StubHandler((_, _) => Task.FromResult(StubHandler.Json(
            """{"status":"error","code":"INVALID_DATA","message":"bad","details":{"api_name":"module"}}""", HttpStatusCode.BadRequest)));
        using var client = new BiginClient(BiginCredential.FromAccessToken("1000.t"), new BiginClientOptions { Transport = stub });

        var error = await Assert.ThrowsAsync<BulkApiException>(() => client.GetFieldsAsync("Nope"));

        Assert.Single(stub.Requests);
        Assert.Equal("INVALID_DATA", error.ErrorCode);
        Assert.Equal("module", error.Details!.Value.GetProperty("api_name").GetString());
    }
}
