using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.CreateJob;

/// <summary>
/// Callback URLs are checked when the job is created: Zoho refuses them with INVALID_CALLBACK_URL "possible
/// ssrf attempt" (crm-create-bulk-write-job-postman-sample.txt), and so do we for anything not public.
/// </summary>
public sealed class CreateJobCallbackTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://127.1/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://172.16.5.4/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://224.0.0.1/")]
    [InlineData("http://localhost/")]
    [InlineData("http://LOCALHOST:5000/")]
    [InlineData("http://localhost./")]
    [InlineData("http://api.localhost/")]
    [InlineData("http://metadata.google.internal/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[::]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[64:ff9b::7f00:1]/")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/")]
    [InlineData("http://[2002:7f00:1::]/")]
    [InlineData("http://[::127.0.0.1]/")]
    [InlineData("http://203.0.113.10/hook")]
    [InlineData("http://[2001:db8::1]/cb")]
    [InlineData("http://198.18.0.1/")]
    [InlineData("http://240.0.0.1/")]
    [InlineData("http://[64:ff9b:1::808:808]/")]
    public async Task A_callback_to_a_non_public_address_is_INVALID_CALLBACK_URL(string url)
    {
        var response = await CreateWithCallback(url);

        var json = JobRequests.AssertCulprit(response, "INVALID_CALLBACK_URL", "$.callback.url");
        Assert.Equal("possible ssrf attempt", json["details"]!["reason"]!.GetValue<string>());
        Assert.Equal($"Invalid URL '{url}' for callback.", json["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/hook")]
    [InlineData("example.com/hook")]
    [InlineData("")]
    [InlineData("http://")]
    [InlineData("http://user:secret@example.com/hook")]
    public async Task A_callback_that_is_not_a_plain_http_url_is_INVALID_CALLBACK_URL(string url)
    {
        var response = await CreateWithCallback(url);

        JobRequests.AssertCulprit(response, "INVALID_CALLBACK_URL", "$.callback.url");
    }

    [Fact]
    public async Task The_INVALID_CALLBACK_URL_response_has_the_documented_shape()
    {
        var response = await CreateWithCallback("http://10.1.2.3/");

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_CALLBACK_URL");
        JsonShape.AssertSame(Fixtures.Load("crm-invalid-callback-url.json"), response.Json, extraKeys: new Dictionary<string, string[]>
        {
            // Our addition, pointing at the culprit like every other create-job error.
            ["$.details"] = ["json_path"],
        });
    }

    [Theory]
    [InlineData("get")]
    [InlineData("put")]
    [InlineData("")]
    public async Task A_callback_method_other_than_post_is_INVALID_CALLBACK_METHOD(string method)
    {
        var response = await CreateWithCallback("https://hooks.example/callback", method);

        var json = JobRequests.AssertCulprit(response, "INVALID_CALLBACK_METHOD", "$.callback.method");
        Assert.Equal(["post"], json["details"]!["supported_callback_methods"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task A_callback_method_in_upper_case_is_accepted_as_post()
    {
        var response = await CreateWithCallback("https://hooks.example/callback", "POST");

        JobRequests.AssertCreated(response, fixture.Server);
    }

    [Fact]
    public async Task A_callback_without_a_url_is_MISSING_REQUIRED_KEY_url()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nCallback\n");
        var body = JobRequests.Insert(fileId);
        body["callback"] = new JsonObject { ["method"] = "post" };

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        JobRequests.AssertCulprit(response, "MISSING_REQUIRED_KEY", "$.callback.url", "url");
    }

    [Fact]
    public async Task The_callBack_spelling_is_checked_like_callback()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nCallback\n");
        var body = JobRequests.Insert(fileId);
        body["callBack"] = new JsonObject { ["url"] = "http://127.0.0.1/", ["method"] = "post" };

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        JobRequests.AssertCulprit(response, "INVALID_CALLBACK_URL", "$.callBack.url");
    }

    [Theory]
    [InlineData("https://hooks.example/callback")]
    [InlineData("http://8.8.8.8/hook")]
    [InlineData("http://[2606:4700:4700::1111]/hook")]
    public async Task A_callback_to_a_public_address_is_accepted(string url)
    {
        var response = await CreateWithCallback(url);

        JobRequests.AssertCreated(response, fixture.Server);
    }

    private async Task<Response> CreateWithCallback(string url, string method = "post")
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nCallback\n");
        var body = JobRequests.Insert(fileId);
        body["callback"] = new JsonObject { ["url"] = url, ["method"] = method };
        return await Client.PostJsonAsync(JobRequests.BiginWrite, body);
    }
}
