using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Errors;

/// <summary>
/// One case per row of <c>docs/errors.md</c> that names <c>Errors/ErrorContractTests[case]</c>: the request
/// that provokes the error over HTTP, and the status, code and exact <c>details</c> keys it must answer.
/// </summary>
public sealed partial class ErrorContractTests(ErrorContractFixture fixture) : IClassFixture<ErrorContractFixture>
{
    private static readonly Dictionary<string, Expected> Expectations = new(StringComparer.Ordinal)
    {
        ["no-token"] = new(401, "INVALID_TOKEN"),
        ["unknown-token"] = new(401, "INVALID_TOKEN"),
        ["scope-mismatch"] = new(401, "OAUTH_SCOPE_MISMATCH", "required_scope"),
        ["authorization-failed"] = new(400, "AUTHORIZATION_FAILED"),
        ["authorization-failed-upload"] = new(400, "AUTHORIZATION_FAILED"),
        ["view-create-no-permission"] = new(403, "NO_PERMISSION"),
        ["unknown-path"] = new(404, "INVALID_URL_PATTERN"),
        ["wrong-method"] = new(400, "INVALID_REQUEST_METHOD"),
        ["write-job-not-found"] = new(404, "RESOURCE_NOT_FOUND"),
        ["write-result-not-found"] = new(404, "RESOURCE_NOT_FOUND"),
        ["read-job-not-found"] = new(404, "RESOURCE_NOT_FOUND"),

        ["upload-not-zip"] = new(400, "INVALID_FILE_FORMAT"),
        ["upload-not-zip-v1"] = new(200, "INVALID_FILE_FORMAT"),
        ["upload-too-large"] = new(413, "FILE_TOO_LARGE"),
        ["upload-too-large-v1"] = new(200, "FILE_TOO_LARGE"),
        ["upload-two-csvs"] = new(400, "FILE_NOT_SUPPORTED"),
        ["upload-no-file-part"] = new(400, "MANDATORY_NOT_FOUND", "api_name"),
        ["upload-not-multipart"] = new(400, "MANDATORY_NOT_FOUND", "api_name"),
        ["upload-broken-multipart"] = new(400, "INVALID_DATA"),

        ["write-empty-body"] = new(400, "INVALID_DATA", "json_path"),
        ["write-not-json"] = new(400, "INVALID_DATA", "reason", "json_path", "line", "position"),
        ["write-too-large"] = new(400, "INVALID_DATA", "max_limit"),
        ["write-invalid-utf8"] = new(400, "INVALID_DATA", "json_path"),
        ["write-lone-surrogate"] = new(400, "INVALID_DATA", "json_path", "position"),
        ["write-duplicate-key"] = new(400, "INVALID_DATA", "json_path"),
        ["write-wrong-type"] = new(400, "INVALID_DATA", "json_path", "expected_data_type"),
        ["write-bad-operation"] = new(400, "INVALID_DATA", "api_name", "json_path"),
        ["write-missing-operation"] = new(400, "MISSING_REQUIRED_KEY", "api_name", "json_path"),
        ["write-missing-index"] = new(400, "MISSING_REQUIRED_KEY", "api_name", "json_path"),
        ["write-callback-method"] = new(400, "INVALID_CALLBACK_METHOD", "supported_callback_methods", "json_path"),
        ["write-callback-url"] = new(400, "INVALID_CALLBACK_URL", "reason", "json_path"),
        ["write-module"] = new(400, "MODULE_NOT_AVAILABLE", "api_name", "json_path"),
        ["write-file-id"] = new(400, "INVALID_FILE_ID", "api_name", "json_path"),
        ["write-header-limit"] = new(400, "HEADER_LIMIT_EXCEEDED", "max_limit", "json_path"),
        ["write-blank-header"] = new(400, "FILE_NOT_SUPPORTED", "json_path", "column_index"),
        ["write-find-by-missing"] = new(400, "MANDATORY_NOT_FOUND", "api_name", "json_path"),
        ["write-invalid-field"] = new(400, "INVALID_FIELD", "api_name", "json_path"),
        ["write-column-index"] = new(400, "COLUMN_INDEX_NOT_FOUND", "api_name", "index", "json_path"),
        ["write-format"] = new(400, "INVALID_FORMAT", "api_name", "json_path"),
        ["write-mandatory-not-mapped"] = new(400, "MANDATORY_FIELDS_NOT_MAPPED", "api_names", "json_path"),

        ["read-media-type"] = new(415, "MEDIA_TYPE_NOT_SUPPORTED", "supported"),
        ["read-empty-body"] = new(400, "REQUEST_BODY_IS_EMPTY", "json_path"),
        ["read-not-json"] = new(400, "INVALID_REQUEST", "reason", "json_path", "line", "position"),
        ["read-wrong-type"] = new(400, "INVALID_REQUEST", "json_path", "expected_data_type"),
        ["read-page"] = new(400, "INVALID_REQUEST", "api_name", "json_path"),
        ["read-cvid-unknown"] = new(400, "INVALID_REQUEST", "api_name", "json_path"),
        ["read-missing-query"] = new(400, "MANDATORY_NOT_FOUND", "api_name", "json_path"),
        ["read-module"] = new(400, "MODULE_NOT_AVAILABLE", "api_name", "json_path"),
        ["read-ics-module"] = new(400, "MODULE_NOT_SUPPORTED", "api_name", "supported", "json_path"),
        ["read-field"] = new(400, "FIELD_NOT_AVAILABLE", "api_name", "json_path"),
        ["read-criteria"] = new(400, "INVALID_CRITERIA", "api_name", "json_path"),
        ["read-ambiguous-criteria"] = new(400, "AMBIGUOUS_CRITERIA", "json_path"),
        ["read-criteria-limit"] = new(400, "CRITERIA_LIMIT_EXCEEDED", "max_limit", "json_path"),
        ["read-value-limit"] = new(400, "VALUE_LIMIT_EXCEEDED_IN_CRITERIA", "api_name", "comparator", "max_limit", "json_path"),
        ["read-cvid-module"] = new(400, "CVID_NOT_SUPPORTED", "api_name", "module", "json_path"),
        ["read-callback-url"] = new(400, "INVALID_CALLBACK_URL", "api_name", "reason", "json_path"),
        ["read-callback-method"] = new(400, "INVALID_CALLBACK_METHOD", "api_name", "supported_callback_methods", "json_path"),

        ["records-module"] = new(400, "INVALID_MODULE", "module"),
        ["records-field"] = new(400, "INVALID_DATA", "api_name"),
        ["records-page"] = new(400, "INVALID_DATA", "param_name"),
        ["fields-module"] = new(400, "INVALID_MODULE", "module"),
        ["views-module"] = new(400, "INVALID_MODULE", "module"),
        ["view-create-name"] = new(400, "MISSING_REQUIRED_KEY", "api_name", "json_path"),
        ["view-create-criteria"] = new(400, "INVALID_CRITERIA", "api_name", "json_path"),
    };

    private static readonly Dictionary<string, (Dictionary<string, string> Form, string Path, string Error)> TokenCases = new(StringComparer.Ordinal)
    {
        ["token-no-grant-type"] = (new() { ["client_id"] = "x" }, "/oauth/v2/token", "invalid_request"),
        ["token-unsupported-grant"] = (new() { ["grant_type"] = "password" }, "/oauth/v2/token", "unsupported_grant_type"),
        ["token-invalid-client"] = (new() { ["grant_type"] = "refresh_token", ["client_id"] = "1000.nope", ["client_secret"] = "nope", ["refresh_token"] = "x" }, "/oauth/v2/token", "invalid_client"),
        ["token-invalid-code"] = (new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "1000.not-a-token" }, "/oauth/v2/token", "invalid_code"),
        ["token-missing-org-info"] = (new() { ["grant_type"] = "client_credentials", ["scope"] = "ZohoBigin.modules.ALL" }, "/oauth/v2/token", "missing_org_info"),
        ["token-invalid-scope"] = (new() { ["grant_type"] = "client_credentials", ["scope"] = "everything", ["soid"] = "ZohoCRM.{org}" }, "/oauth/v2/token", "invalid_scope"),
        ["revoke-no-token"] = (new(), "/oauth/v2/token/revoke", "invalid_request"),
    };

    public static TheoryData<string> Cases => new(Expectations.Keys);

    public static TheoryData<string> TokenCaseNames => new(TokenCases.Keys);

    /// <summary>Every case name a row of docs/errors.md may point at.</summary>
    internal static IEnumerable<string> AllCaseNames => [.. Expectations.Keys, .. TokenCases.Keys, GatewayCase];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Http_error(string name)
    {
        var expected = Expectations[name];

        var response = await SendAsync(name);

        var json = response.AssertError((HttpStatusCode)expected.Status, expected.Code);
        Assert.True(
            expected.DetailKeys.Order(StringComparer.Ordinal).SequenceEqual(json["details"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)),
            $"details keys: expected [{string.Join(", ", expected.DetailKeys)}], got {json["details"]!.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(TokenCaseNames))]
    public async Task Token_endpoint_error(string name)
    {
        var (form, path, error) = TokenCases[name];
        var fields = form.ToDictionary(p => p.Key, p => p.Value.Replace("{org}", fixture.Server.Credentials.OrgId, StringComparison.Ordinal));
        if (form.Count > 0 && !form.ContainsKey("client_id"))
        {
            (fields["client_id"], fields["client_secret"]) = fixture.Client;
        }

        var response = await fixture.Admin.SendRawAsync(HttpMethod.Post, path, new FormUrlEncodedContent(fields), authorization: null);

        // Zoho Accounts answers errors with HTTP 200 and a body of just the error key (notes §6).
        response.AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["error"] = error }, response.Json), response.Text);
    }

    private const string GatewayCase = "upload-headers";

    [Theory]
    [InlineData("feature", "bulk-read")]
    [InlineData("X-CRM-ORG", "not-an-org")]
    [InlineData("X-CRM-ORG", "")]
    public async Task Upload_with_missing_or_wrong_headers_gets_the_gateway_shape(string header, string value)
    {
        var headers = new List<(string, string)> { ("feature", "bulk-write"), ("X-CRM-ORG", fixture.Server.Credentials.OrgId) };
        headers.RemoveAll(h => h.Item1 == header);
        if (value.Length > 0)
        {
            headers.Add((header, value));
        }

        var response = await fixture.Admin.UploadWithHeadersAsync(RawRequests.FilePart(ZipFiles.WithCsv("Last_Name\nX\n")), "/bigin/v2/upload", [.. headers]);

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("application/json", response.ContentType);
        Assert.True(JsonNode.DeepEquals(Fixtures.Load("upload-gateway-error.json"), response.Json), response.Text);
        Assert.Equal(400, response.Json["ERROR_CODE"]!.GetValue<int>());
    }

    private async Task<Response> SendAsync(string name)
    {
        var admin = fixture.Admin;
        return name switch
        {
            "no-token" => await admin.SendRawAsync(HttpMethod.Get, "/bigin/v2/Contacts", null, authorization: null),
            "unknown-token" => await admin.SendRawAsync(HttpMethod.Get, "/bigin/v2/Contacts", null, "Zoho-oauthtoken 1000.nope"),
            "scope-mismatch" => await WithToken(await fixture.Tokens.GetAsync("ZohoFiles.files.ALL"), c => c.GetAsync("/bigin/v2/settings/modules")),
            "authorization-failed" => await WithToken(await fixture.StandardUserTokenAsync(), c => c.PostJsonAsync("/bigin/bulk/v2/read", """{"query":{"module":"Contacts"}}""")),
            "authorization-failed-upload" => await WithToken(await fixture.StandardUserTokenAsync(), c => c.UploadAsync(ZipFiles.WithCsv("Last_Name\nX\n"))),
            "view-create-no-permission" => await WithToken(await fixture.StandardUserTokenAsync(), c => c.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Contacts", """{"name":"Mine"}""")),
            "unknown-path" => await admin.GetAsync("/bigin/v9/nothing/here"),
            "wrong-method" => await admin.SendAsync(HttpMethod.Delete, "/bigin/bulk/v2/write"),
            "write-job-not-found" => await admin.GetAsync("/bigin/bulk/v2/write/1234567890"),
            "write-result-not-found" => await admin.GetAsync($"/v2/bigin/{admin.OrgId}/bulk-write/1234567890/1234567890.zip"),
            "read-job-not-found" => await admin.GetAsync("/bigin/bulk/v2/read/1234567890"),

            "upload-not-zip" => await admin.UploadAsync(Encoding.UTF8.GetBytes("Last_Name\nX\n")),
            "upload-not-zip-v1" => await admin.UploadAsync(Encoding.UTF8.GetBytes("Last_Name\nX\n"), path: "/bigin/v1/upload"),
            "upload-too-large" => await admin.UploadAsync(new byte[ErrorContractFixture.MaxUploadBytes + 1]),
            "upload-too-large-v1" => await admin.UploadAsync(new byte[ErrorContractFixture.MaxUploadBytes + 1], path: "/bigin/v1/upload"),
            "upload-two-csvs" => await admin.UploadAsync(ZipFiles.WithEntries(("a.csv", "Last_Name\nA\n"u8.ToArray()), ("b.csv", "Last_Name\nB\n"u8.ToArray()))),
            "upload-no-file-part" => await admin.UploadWithHeadersAsync(RawRequests.FilePart(ZipFiles.WithCsv("Last_Name\nX\n"), partName: "attachment"), "/bigin/v2/upload", UploadHeaders()),
            "upload-not-multipart" => await admin.UploadWithHeadersAsync(RawRequests.JsonText("{}"), "/bigin/v2/upload", UploadHeaders()),
            "upload-broken-multipart" => await admin.UploadWithHeadersAsync(BrokenMultipart(), "/bigin/v2/upload", UploadHeaders()),

            "write-empty-body" => await PostWrite(""),
            "write-not-json" => await PostWrite("""{"operation":"""),
            "write-too-large" => await PostWrite($$"""{"operation":"insert","padding":"{{new string('x', 2 * 1024 * 1024)}}"}"""),
            "write-invalid-utf8" => await admin.SendAsync(HttpMethod.Post, "/bigin/bulk/v2/write", RawRequests.JsonBytes([.. "{\"operation\":\"in"u8, 0xC3, 0x28, .. "\"}"u8])),
            "write-lone-surrogate" => await PostWrite("""{"operation":"\uD800"}"""),
            "write-duplicate-key" => await PostWrite("""{"operation":"insert","operation":"update"}"""),
            "write-wrong-type" => await PostWrite("""{"operation":1}"""),
            "write-bad-operation" => await PostWrite("""{"operation":"delete"}"""),
            "write-missing-operation" => await PostWrite("{}"),
            "write-missing-index" => await PostWrite(WriteBody(mappings: """[{"api_name":"Last_Name"}]""")),
            "write-callback-method" => await PostWrite("""{"operation":"insert","callback":{"url":"https://example.com/done","method":"get"}}"""),
            "write-callback-url" => await PostWrite("""{"operation":"insert","callback":{"url":"ftp://example.com/done"}}"""),
            "write-module" => await PostWrite(WriteBody(module: "Nope")),
            "write-file-id" => await PostWrite(WriteBody(fileId: "1234567890")),
            "write-header-limit" => await PostWrite(WriteBody(fileId: fixture.WideFileId)),
            "write-blank-header" => await PostWrite(WriteBody(fileId: fixture.BlankHeaderFileId)),
            "write-find-by-missing" => await PostWrite(WriteBody(operation: "update")),
            "write-invalid-field" => await PostWrite(WriteBody(mappings: """[{"api_name":"Last_Name","index":0},{"api_name":"Nope","index":1}]""")),
            "write-column-index" => await PostWrite(WriteBody(mappings: """[{"api_name":"Last_Name","index":9}]""")),
            "write-format" => await PostWrite(WriteBody(mappings: """[{"api_name":"Last_Name","index":0,"format":"MM/dd/yyyy"}]""")),
            "write-mandatory-not-mapped" => await PostWrite(WriteBody(mappings: """[{"api_name":"Email","index":1}]""")),

            "read-media-type" => await admin.SendAsync(HttpMethod.Post, "/bigin/bulk/v2/read", RawRequests.JsonText("""{"query":{"module":"Contacts"}}""", "text/plain")),
            "read-empty-body" => await PostRead(""),
            "read-not-json" => await PostRead("""{"query":"""),
            "read-wrong-type" => await PostRead("""{"query":[]}"""),
            "read-page" => await PostRead("""{"query":{"module":"Contacts","page":0}}"""),
            "read-cvid-unknown" => await PostRead("""{"query":{"module":"Contacts","cvid":"1234567890"}}"""),
            "read-missing-query" => await PostRead("{}"),
            "read-module" => await PostRead("""{"query":{"module":"Nope"}}"""),
            "read-ics-module" => await PostRead("""{"query":{"module":"Contacts"},"file_type":"ics"}"""),
            "read-field" => await PostRead("""{"query":{"module":"Contacts","fields":["Nope"]}}"""),
            "read-criteria" => await PostRead("""{"query":{"module":"Contacts","criteria":{"api_name":"Nope","comparator":"equal","value":"x"}}}"""),
            "read-ambiguous-criteria" => await PostRead("""{"query":{"module":"Contacts","criteria":{"api_name":"Last_Name","comparator":"equal","value":"x","group_operator":"and","group":[{"api_name":"Last_Name","comparator":"equal","value":"y"}]}}}"""),
            "read-criteria-limit" => await PostRead(CriteriaWith(26)),
            "read-value-limit" => await PostRead($$$$"""{"query":{"module":"Contacts","criteria":{"api_name":"Last_Name","comparator":"equal","value":"{{{{new string('v', 256)}}}}"}}}"""),
            "read-cvid-module" => await PostRead($$$"""{"query":{"module":"Accounts","cvid":"{{{fixture.ContactsAllViewId}}}"}}"""),
            "read-callback-url" => await PostRead("""{"callback":{"url":"http://127.0.0.1/done","method":"post"},"query":{"module":"Contacts"}}"""),
            "read-callback-method" => await PostRead("""{"callback":{"url":"https://example.com/done","method":"put"},"query":{"module":"Contacts"}}"""),

            "records-module" => await admin.GetAsync("/bigin/v2/Nope"),
            "records-field" => await admin.GetAsync("/bigin/v2/Contacts?fields=Nope"),
            "records-page" => await admin.GetAsync("/bigin/v2/Contacts?page=0"),
            "fields-module" => await admin.GetAsync("/bigin/v2/settings/fields?module=Nope"),
            "views-module" => await admin.GetAsync("/bigin/v2/settings/custom_views?module=Nope"),
            "view-create-name" => await admin.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Contacts", "{}"),
            "view-create-criteria" => await admin.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Contacts", """{"name":"Bad","criteria":{"api_name":"Nope","comparator":"equal","value":"x"}}"""),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        Task<Response> PostWrite(string body) => admin.SendAsync(HttpMethod.Post, "/bigin/bulk/v2/write", RawRequests.JsonText(body));

        Task<Response> PostRead(string body) => admin.SendAsync(HttpMethod.Post, "/bigin/bulk/v2/read", RawRequests.JsonText(body));
    }

    private string WriteBody(string operation = "insert", string module = "Contacts", string? fileId = null, string? mappings = null) =>
        $$$"""{"operation":"{{{operation}}}","resource":[{"type":"data","module":{"api_name":"{{{module}}}"},"file_id":"{{{fileId ?? fixture.ContactsFileId}}}"{{{(mappings is null ? "" : $",\"field_mappings\":{mappings}")}}}}]}""";

    private static string CriteriaWith(int conditions)
    {
        var group = new JsonArray();
        for (var i = 0; i < conditions; i++)
        {
            group.Add(new JsonObject { ["api_name"] = "Last_Name", ["comparator"] = "equal", ["value"] = $"v{i}" });
        }

        return new JsonObject
        {
            ["query"] = new JsonObject { ["module"] = "Contacts", ["criteria"] = new JsonObject { ["group_operator"] = "or", ["group"] = group } },
        }.ToJsonString();
    }

    private (string, string)[] UploadHeaders() => [("feature", "bulk-write"), ("X-CRM-ORG", fixture.Server.Credentials.OrgId)];

    private static ByteArrayContent BrokenMultipart()
    {
        // A boundary that opens a part whose headers never end: the multipart reader cannot get through it.
        var content = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.zip\"\r\nContent-Type: app"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        return content;
    }

    private async Task<Response> WithToken(string token, Func<BiginClient, Task<Response>> send)
    {
        using var client = new BiginClient(fixture.Server, token);
        return await send(client);
    }

    private sealed record Expected(int Status, string Code, params string[] DetailKeys);
}
