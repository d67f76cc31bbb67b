using System.Net;
using BiginBulk.Client.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.Wire;

public sealed class TokenRefreshTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_token_refresh()
    {
        var stub = new StubHandler(async (request, _) =>
        {
            if (request.Uri.AbsolutePath == "/oauth/v2/token")
            {
                // Slow enough that every caller arrives while the refresh is in flight.
                await Task.Delay(300);
                return StubHandler.Json(ZohoAnswers.Token);
            }

            return StubHandler.Json(ZohoAnswers.Modules);
        });
        using var client = new BiginClient(BiginCredential.FromRefreshToken("1000.c", "s", "1000.r"), new BiginClientOptions { Transport = stub });

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetModulesAsync()));

        Assert.Single(stub.Requests, r => r.Uri.AbsolutePath == "/oauth/v2/token");
        var calls = stub.Requests.Where(r => r.Uri.AbsolutePath != "/oauth/v2/token").ToList();
        Assert.Equal(20, calls.Count);
        Assert.All(calls, r => Assert.Equal("Zoho-oauthtoken 1000.fresh.token", r.Header("Authorization")));
    }

    [Fact]
    public async Task A_token_refused_with_INVALID_TOKEN_is_refreshed_once_and_the_call_repeated()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(
            request.Uri.AbsolutePath == "/oauth/v2/token" ? StubHandler.Json(ZohoAnswers.Token)
            : request.Header("Authorization") == "Zoho-oauthtoken 1000.stale" ? StubHandler.Json(ZohoAnswers.InvalidToken, HttpStatusCode.Unauthorized)
            : StubHandler.Json(ZohoAnswers.Modules)));
        using var client = new BiginClient(BiginCredential.FromRefreshToken("1000.c", "s", "1000.r", accessToken: "1000.stale"),
            new BiginClientOptions { Transport = stub });

        var modules = await client.GetModulesAsync();

        Assert.Equal("Contacts", Assert.Single(modules).ApiName);
        Assert.Equal(["/bigin/v2/settings/modules", "/oauth/v2/token", "/bigin/v2/settings/modules"], stub.Requests.Select(r => r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_before_the_call()
    {
        var time = new ManualTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var stub = new StubHandler((request, _) => Task.FromResult(request.Uri.AbsolutePath == "/oauth/v2/token"
            ? StubHandler.Json(ZohoAnswers.Token)
            : StubHandler.Json(ZohoAnswers.Modules)));
        using var client = new BiginClient(BiginCredential.FromRefreshToken("1000.c", "s", "1000.r"), new BiginClientOptions { Transport = stub, TimeProvider = time });

        await client.GetModulesAsync();
        time.Advance(TimeSpan.FromMinutes(50));
        await client.GetModulesAsync();
        time.Advance(TimeSpan.FromMinutes(6)); // 56 minutes: within five minutes of the hour's expiry
        await client.GetModulesAsync();

        Assert.Equal(2, stub.Requests.Count(r => r.Uri.AbsolutePath == "/oauth/v2/token"));
    }

    [Fact]
    public async Task A_fixed_token_that_is_refused_surfaces_as_BulkApiException_with_status_code_and_body()
    {
        var stub = new StubHandler((_, _) => Task.FromResult(StubHandler.Json(ZohoAnswers.InvalidToken, HttpStatusCode.Unauthorized)));
        using var client = new BiginClient(BiginCredential.FromAccessToken("1000.wrong"), new BiginClientOptions { Transport = stub });

        var error = await Assert.ThrowsAsync<BulkApiException>(() => client.GetModulesAsync());

        Assert.Equal(401, error.Status);
        Assert.Equal("INVALID_TOKEN", error.ErrorCode);
        Assert.True(error.IsAuthenticationError);
        Assert.Equal(ZohoAnswers.InvalidToken, error.RawBody);
        Assert.Contains("invalid oauth token", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_refused_refresh_surfaces_the_accounts_error_code()
    {
        var stub = new StubHandler((_, _) => Task.FromResult(StubHandler.Json("""{"error":"invalid_code"}""")));
        using var client = new BiginClient(BiginCredential.FromRefreshToken("1000.c", "s", "1000.r"), new BiginClientOptions { Transport = stub });

        var error = await Assert.ThrowsAsync<BulkApiException>(() => client.GetModulesAsync());

        Assert.Equal("invalid_code", error.ErrorCode);
        Assert.True(error.IsAuthenticationError);
    }
}
