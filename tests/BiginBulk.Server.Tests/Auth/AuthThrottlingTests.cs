using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Auth;

/// <summary>
/// Failed authentications are throttled per source address and per client id (BiginBulk:AuthThrottling):
/// past the limit, API calls get 429 TOO_MANY_REQUESTS and the token endpoint Zoho Accounts' "Access Denied",
/// both with Retry-After, while requests with good credentials go on working from the same address.
/// </summary>
public sealed class AuthThrottlingTests
{
    private static readonly Dictionary<string, string> Limits = new()
    {
        ["BiginBulk:AuthThrottling:FailuresPerAddress"] = "8",
        ["BiginBulk:AuthThrottling:FailuresPerClient"] = "4",
        ["BiginBulk:AuthThrottling:Window"] = "00:01:00",
    };

    [Fact]
    public async Task Bad_access_tokens_past_the_address_limit_get_429_while_a_good_token_still_works()
    {
        await using var server = await ServerProcess.StartAsync(Limits);
        using var bad = new BiginClient(server, "1000.not-a-token.really");
        using var good = new BiginClient(server);

        for (var i = 0; i < 8; i++)
        {
            (await bad.GetAsync("/bigin/v2/Contacts")).AssertError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        }

        var throttled = await bad.GetAsync("/bigin/v2/Contacts");
        var error = throttled.AssertError(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        Assert.Equal("error", error["status"]!.GetValue<string>());
        AssertRetryAfter(throttled);

        // The same address, at the same time, with the bootstrap token: not counted, not slowed.
        (await good.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);
        (await bad.GetAsync("/bigin/v2/Contacts")).AssertError(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        (await good.GetAsync("/bigin/v2/settings/modules")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_client_secrets_past_the_client_limit_get_access_denied_while_the_right_secret_still_works()
    {
        await using var server = await ServerProcess.StartAsync(Limits);
        var c = server.Credentials;

        for (var i = 0; i < 4; i++)
        {
            var refused = await PostTokenAsync(server, c.ClientId, "wrong-secret", c.RefreshToken);
            Assert.Equal("""{"error":"invalid_client"}""", refused.Text);
        }

        var throttled = await PostTokenAsync(server, c.ClientId, "wrong-secret", c.RefreshToken);
        throttled.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Access Denied", throttled.Json["error"]!.GetValue<string>());
        Assert.Equal("You have made too many requests continuously. Please try again after some time.", throttled.Json["error_description"]!.GetValue<string>());
        Assert.Equal("failure", throttled.Json["status"]!.GetValue<string>());
        Assert.Null(throttled.Json["access_token"]);
        AssertRetryAfter(throttled);

        var granted = await PostTokenAsync(server, c.ClientId, c.ClientSecret, c.RefreshToken);
        var token = granted.Json["access_token"]!.GetValue<string>();
        using var client = new BiginClient(server, token);
        (await client.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task One_client_ids_failures_do_not_throttle_another_client_id()
    {
        await using var server = await ServerProcess.StartAsync(Limits);
        var c = server.Credentials;
        for (var i = 0; i < 5; i++)
        {
            await PostTokenAsync(server, "1000.SOMEONEELSE", "wrong-secret", c.RefreshToken);
        }

        Assert.Equal("Access Denied", (await PostTokenAsync(server, "1000.SOMEONEELSE", "wrong-secret", c.RefreshToken)).Json["error"]!.GetValue<string>());
        // 6 failures so far from this address (the throttled one is not counted again), under its limit of 8.
        Assert.Equal("invalid_client", (await PostTokenAsync(server, c.ClientId, "wrong-secret", c.RefreshToken)).Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_refresh_tokens_count_as_failures_of_their_client()
    {
        await using var server = await ServerProcess.StartAsync(Limits);
        var c = server.Credentials;
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("invalid_code", (await PostTokenAsync(server, c.ClientId, c.ClientSecret, "1000.bad.refresh")).Json["error"]!.GetValue<string>());
        }

        Assert.Equal("Access Denied", (await PostTokenAsync(server, c.ClientId, c.ClientSecret, "1000.bad.refresh")).Json["error"]!.GetValue<string>());
        Assert.NotNull((await PostTokenAsync(server, c.ClientId, c.ClientSecret, c.RefreshToken)).Json["access_token"]);
    }

    private static void AssertRetryAfter(Response response)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    private static async Task<Response> PostTokenAsync(ServerProcess server, string clientId, string secret, string refreshToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(server.BaseAddress, "/oauth/v2/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["refresh_token"] = refreshToken,
        }));
        return new Response(response.StatusCode, response.Content.Headers.ContentType?.ToString(), null, await response.Content.ReadAsByteArrayAsync(), response.Headers);
    }
}
