using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Upload;

/// <summary>Requests to the upload routes that are wrong before any file is looked at: headers, token, body, method.</summary>
public sealed class UploadRequestTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string V2 = "/bigin/v2/upload";

    private static readonly byte[] Zip = ZipFiles.WithCsv("Last_Name\nHeaders\n");

    private BiginClient Client => fixture.Client;

    public static TheoryData<string, string?, string?> BadGatewayHeaders => new()
    {
        { V2, null, "own" },
        { V2, "bulk-read", "own" },
        { V2, "", "own" },
        { V2, "bulk-write", null },
        { V2, "bulk-write", "" },
        { V2, "bulk-write", "123456789012345678" },
        { V2, "bulk-write", "org6196138" },
        { V2, "bulk-write", "-1" },
        { "/bigin/v1/upload", null, "own" },
        { "/crm/v8/upload", "bulk-write", null },
    };

    [Theory]
    [MemberData(nameof(BadGatewayHeaders))]
    public async Task Missing_or_wrong_feature_or_org_header_gets_the_upload_gateway_error(string path, string? feature, string? org)
    {
        var headers = new List<(string, string)>();
        if (feature is not null)
        {
            headers.Add(("feature", feature));
        }

        if (org is not null)
        {
            headers.Add(("X-CRM-ORG", org == "own" ? Client.OrgId : org));
        }

        var response = await Client.UploadWithHeadersAsync(RawRequests.FilePart(Zip), path, [.. headers]);

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("application/json", response.ContentType);
        Assert.True(JsonNode.DeepEquals(Fixtures.Load("upload-gateway-error.json"), response.Json), response.Text);
    }

    [Fact]
    public async Task Multipart_without_a_file_part_is_a_400_naming_the_part()
    {
        var response = await Client.UploadWithHeadersAsync(RawRequests.FilePart(Zip, partName: "attachment"), V2, ("feature", "bulk-write"), ("X-CRM-ORG", Client.OrgId));

        var json = response.AssertError(HttpStatusCode.BadRequest, "MANDATORY_NOT_FOUND");
        Assert.Equal("file", json["details"]!["api_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Multipart_with_only_a_text_field_named_file_is_refused_as_not_a_zip()
    {
        using var content = new MultipartFormDataContent { { new StringContent("not a zip"), "file" } };

        var response = await Client.UploadWithHeadersAsync(content, V2, ("feature", "bulk-write"), ("X-CRM-ORG", Client.OrgId));

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_FILE_FORMAT");
    }

    [Theory]
    [InlineData("application/zip")]
    [InlineData("application/octet-stream")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task A_body_that_is_not_multipart_is_a_400_saying_a_file_part_is_needed(string? contentType)
    {
        var response = await Client.UploadWithHeadersAsync(RawRequests.JsonBytes(Zip, contentType), V2, ("feature", "bulk-write"), ("X-CRM-ORG", Client.OrgId));

        var json = response.AssertError(HttpStatusCode.BadRequest, "MANDATORY_NOT_FOUND");
        Assert.Equal("file", json["details"]!["api_name"]!.GetValue<string>());
        Assert.Contains("multipart/form-data", json["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multipart_whose_body_never_reaches_its_boundary_is_a_400_not_a_500()
    {
        var content = new ByteArrayContent("--other\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");

        var response = await Client.UploadWithHeadersAsync(content, V2, ("feature", "bulk-write"), ("X-CRM-ORG", Client.OrgId));

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("error", response.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Multipart_cut_off_inside_the_file_part_is_a_400_not_a_500()
    {
        var body = Sdk8Multipart.Body(Zip, "cut.zip");
        var content = new ByteArrayContent(body[..(body.Length - 30)]);
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Sdk8Multipart.Boundary}");

        var response = await Client.UploadWithHeadersAsync(content, V2, ("feature", "bulk-write"), ("X-CRM-ORG", Client.OrgId));

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("error", response.Json["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Zoho-oauthtoken ")]
    [InlineData("Zoho-oauthtoken 1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Upload_without_a_valid_token_is_401_INVALID_TOKEN(string? authorization)
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, V2, RawRequests.FilePart(Zip), authorization, ("feature", "bulk-write"), ("X-CRM-ORG", Client.OrgId));

        AssertInvalidToken(response);
    }

    [Fact]
    public async Task The_token_is_checked_before_the_gateway_headers()
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, V2, RawRequests.FilePart(Zip), authorization: null);

        AssertInvalidToken(response);
    }

    [Fact]
    public async Task Upload_with_the_token_in_a_different_case_of_the_prefix_is_accepted()
    {
        var response = await Client.SendRawAsync(HttpMethod.Post, V2, RawRequests.FilePart(Zip), $"zoho-oauthtoken {Client.Token}", ("feature", "bulk-write"), ("X-CRM-ORG", Client.OrgId));

        UploadAssertions.AssertUploaded(response);
    }

    [Theory]
    [InlineData("GET", "/bigin/v2/upload")]
    [InlineData("PUT", "/bigin/v2/upload")]
    [InlineData("DELETE", "/bigin/v2/upload")]
    [InlineData("PATCH", "/bigin/v1/upload")]
    [InlineData("GET", "/crm/v8/upload")]
    public async Task Other_methods_on_the_upload_routes_are_400_INVALID_REQUEST_METHOD(string method, string path)
    {
        var response = await Client.SendAsync(new HttpMethod(method), path);

        var json = response.AssertError(HttpStatusCode.BadRequest, "INVALID_REQUEST_METHOD");
        Assert.Equal("The http request method type is not a valid one", json["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/bigin/v3/upload")]
    [InlineData("/crm/v1/upload")]
    [InlineData("/crm/v9/upload")]
    [InlineData("/bigin/upload")]
    [InlineData("/bigin/v2/upload/extra")]
    public async Task Upload_paths_that_do_not_exist_are_404_INVALID_URL_PATTERN(string path)
    {
        var response = await Client.UploadAsync(Zip, path: path);

        var json = response.AssertError(HttpStatusCode.NotFound, "INVALID_URL_PATTERN");
        Assert.Equal("Please check if the URL trying to access is a correct one", json["message"]!.GetValue<string>());
    }

    internal static void AssertInvalidToken(Response response)
    {
        response.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Equal("application/json", response.ContentType);
        Assert.True(JsonNode.DeepEquals(Fixtures.Load("invalid-token.json"), response.Json), response.Text);
    }

}
