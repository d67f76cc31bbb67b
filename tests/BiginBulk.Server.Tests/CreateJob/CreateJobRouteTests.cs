using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.CreateJob;

/// <summary>Which methods and paths the write routes answer, and the token they need.</summary>
public sealed class CreateJobRouteTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("PUT", "/bigin/bulk/v2/write")]
    [InlineData("DELETE", "/bigin/bulk/v2/write")]
    [InlineData("PATCH", "/bigin/bulk/v2/write")]
    [InlineData("GET", "/bigin/bulk/v2/write")]
    [InlineData("PUT", "/crm/bulk/v2/write")]
    [InlineData("DELETE", "/crm/bulk/v8/write")]
    [InlineData("POST", "/bigin/bulk/v2/write/111111000000541958")]
    [InlineData("DELETE", "/bigin/bulk/v2/write/111111000000541958")]
    public async Task Other_methods_on_the_write_routes_are_400_INVALID_REQUEST_METHOD(string method, string path)
    {
        var response = await Client.SendAsync(new HttpMethod(method), path, RawRequests.JsonText("{}"));

        var json = response.AssertError(HttpStatusCode.BadRequest, "INVALID_REQUEST_METHOD");
        Assert.Equal("The http request method type is not a valid one", json["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/bigin/bulk/v9/write")]
    [InlineData("/bigin/bulk/v1/write")]
    [InlineData("/crm/bulk/v1/write")]
    [InlineData("/crm/bulk/v9/write")]
    [InlineData("/crm/bulk/v10/write")]
    [InlineData("/bigin/bulk/v2/writes")]
    [InlineData("/nope")]
    [InlineData("/")]
    public async Task Paths_that_do_not_exist_are_404_INVALID_URL_PATTERN(string path)
    {
        var response = await Client.PostJsonAsync(path, "{}");

        var json = response.AssertError(HttpStatusCode.NotFound, "INVALID_URL_PATTERN");
        Assert.Equal("Please check if the URL trying to access is a correct one", json["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/bigin/bulk/v2/write")]
    [InlineData("/crm/bulk/v2/write")]
    [InlineData("/crm/bulk/v8/write")]
    public async Task Creating_a_job_without_a_token_is_401_INVALID_TOKEN(string path)
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, path, RawRequests.JsonText("{}"), authorization: null);

        Upload.UploadRequestTests.AssertInvalidToken(response);
    }

    [Fact]
    public async Task Creating_a_job_with_an_unknown_token_is_401_INVALID_TOKEN()
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, JobRequests.BiginWrite, RawRequests.JsonText("{}"), "Zoho-oauthtoken 1000.unknown.token");

        Upload.UploadRequestTests.AssertInvalidToken(response);
    }

    [Fact]
    public async Task Job_details_without_a_token_are_401_INVALID_TOKEN()
    {
        var response = await Client.SendRawAsync(HttpMethod.Get, "/bigin/bulk/v2/write/111111000000541958", null, authorization: null);

        Upload.UploadRequestTests.AssertInvalidToken(response);
    }

    [Fact]
    public async Task The_token_is_checked_before_the_body()
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, JobRequests.BiginWrite, RawRequests.JsonText("not json"), "Zoho-oauthtoken nope");

        Upload.UploadRequestTests.AssertInvalidToken(response);
    }
}
