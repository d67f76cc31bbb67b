using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Errors;

/// <summary>
/// Over-long request lines and over-large headers get Zoho's error envelope, not Kestrel's empty body.
/// </summary>
public sealed class RequestSizeLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task A_request_line_over_8_KiB_is_414_with_the_error_envelope()
    {
        var response = await Client.GetAsync("/bigin/v2/Contacts?fields=" + new string('a', 9000));

        var error = response.AssertError(HttpStatusCode.RequestUriTooLong, "INVALID_REQUEST");
        Assert.Equal("application/json", response.ContentType);
        Assert.Contains("8192 bytes", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_over_32_KiB_are_431_with_the_error_envelope()
    {
        var response = await Client.SendRawAsync(HttpMethod.Get, "/bigin/v2/Contacts", null, $"Zoho-oauthtoken {Client.Token}",
            ("X-Padding-1", new string('p', 20_000)), ("X-Padding-2", new string('q', 20_000)));

        var error = response.AssertError(HttpStatusCode.RequestHeaderFieldsTooLarge, "INVALID_REQUEST");
        Assert.Contains("32768 bytes", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_just_under_both_limits_is_answered_normally()
    {
        var response = await Client.SendRawAsync(HttpMethod.Get, "/bigin/v2/Contacts?fields=Last_Name&x=" + new string('a', 7000), null, $"Zoho-oauthtoken {Client.Token}",
            ("X-Padding-1", new string('p', 15_000)));

        Assert.True(response.Status is not (HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestHeaderFieldsTooLarge or HttpStatusCode.InternalServerError),
            $"got {(int)response.Status}: {response.Text}");
    }
}
