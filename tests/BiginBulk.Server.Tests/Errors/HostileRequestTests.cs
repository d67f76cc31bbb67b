using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Errors;

/// <summary>
/// Nothing a client sends may produce a 500 (<c>INTERNAL_ERROR</c>) or a non-Zoho answer: hostile bodies to
/// every POST route and hostile path segments and query values to every GET route get a success or a
/// JSON error in one of the server's three error shapes.
/// </summary>
public sealed class HostileRequestTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string[] PostRoutes =
    [
        "/oauth/v2/token", "/oauth/v2/token/revoke",
        "/bigin/v2/upload", "/bigin/v1/upload", "/crm/v8/upload",
        "/bigin/bulk/v2/write", "/crm/bulk/v2/write", "/crm/bulk/v8/write",
        "/bigin/bulk/v1/read", "/bigin/bulk/v2/read", "/crm/bulk/v8/read",
        "/biginbulk/v1/settings/custom_views?module=Contacts",
    ];

    private static readonly string[] GetRoutes =
    [
        "/bigin/bulk/v2/write/{x}", "/crm/bulk/v8/write/{x}", "/v2/bigin/{x}/bulk-write/{x}/{x}.zip",
        "/bigin/bulk/v1/read/{x}", "/bigin/bulk/v2/read/{x}/result", "/crm/bulk/v8/read/{x}", "/crm/bulk/v2/read/{x}/result",
        "/bigin/v2/Contacts/{x}", "/bigin/v2/{x}", "/bigin/v2/{x}/{x}",
        "/bigin/v2/settings/fields?module={x}", "/bigin/v2/settings/custom_views?module={x}",
        "/bigin/v2/Contacts?page={x}", "/bigin/v2/Contacts?per_page={x}", "/bigin/v2/Contacts?fields={x}",
        "/bigin/v2/Contacts?page={x}&per_page=200", "/bigin/v2/Contacts?page=1&per_page={x}&fields=Last_Name,{x}",
        "/biginbulk/v1/jobs/{x}/callback",
    ];

    private static readonly string[] Segments =
    [
        new string('7', 2000), new string('x', 2000), "99999999999999999999999", "9223372036854775807", "2147483647",
        "-1", "0", "1e5", "%F0%9F%92%A9", "%C3%A9t%C3%A9", "%FF%FE", "..", "%2E%2E", "..%2F..%2Fetc%2Fpasswd", "%20",
        "%22%3Cscript%3E", "%E2%80%AE", "%5Cu0000", "%0D%0A",
    ];

    public static TheoryData<string, string> PostCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var route in PostRoutes)
            {
                foreach (var body in HostileBodies.Keys)
                {
                    data.Add(route, body);
                }
            }

            return data;
        }
    }

    public static TheoryData<string, string> GetCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var route in GetRoutes)
            {
                foreach (var segment in Segments)
                {
                    data.Add(route, segment);
                }
            }

            return data;
        }
    }

    private static Dictionary<string, Func<HttpContent>> HostileBodies { get; } = new(StringComparer.Ordinal)
    {
        ["deep-arrays"] = () => Json(new string('[', 100_000) + new string(']', 100_000)),
        ["deep-objects"] = () => Json(string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000)),
        ["deep-criteria-groups"] = () => Json($$$"""{"query":{"module":"Contacts","criteria":{{{NestedGroups(28)}}}}}"""),
        ["two-megabytes"] = () => Json($$$"""{"operation":"insert","name":"{{{new string('a', 2 * 1024 * 1024)}}}","query":{"module":"Contacts"}}"""),
        ["numbers-as-strings"] = () => Json("""{"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":"abc","field_mappings":[{"api_name":"Last_Name","index":"zero"}]}],"query":{"module":"Contacts","page":"one","cvid":"x"},"name":"n"}"""),
        ["arrays-for-objects"] = () => Json("""{"operation":["insert"],"resource":{"type":"data"},"query":[{"module":"Contacts"}],"callback":[],"criteria":[],"name":["n"]}"""),
        ["objects-for-arrays"] = () => Json("""{"operation":"insert","resource":[{"type":"data","module":{"api_name":{"x":1}},"file_id":{},"field_mappings":{"api_name":"Last_Name"}}],"query":{"module":{"api_name":[]},"fields":{"a":1},"criteria":{"group":{"x":1},"group_operator":"and"}},"name":{}}"""),
        ["root-array"] = () => Json("[]"),
        ["root-null"] = () => Json("null"),
        ["root-number"] = () => Json("123"),
        ["escaped-nul"] = () => Json("""{"operation":"ins\u0000ert","name":"a\u0000b","query":{"module":"Con\u0000tacts","fields":["Last\u0000Name"]},"criteria":{"api_name":"Last_Name","comparator":"equal","value":"\u0000"}}"""),
        ["raw-nul"] = () => Bytes([.. "{\"operation\":\"in"u8, 0, .. "sert\",\"name\":\"x\"}"u8], "application/json"),
        ["invalid-utf8"] = () => Bytes([.. "{\"operation\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"query\":{\"module\":\"Contacts\"}}"u8], "application/json"),
        ["lone-surrogate"] = () => Json("""{"operation":"\uD800","name":"\uDFFF","query":{"module":"\uD800"}}"""),
        ["huge-integers"] = () => Json("""{"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":99999999999999999999999999,"field_mappings":[{"api_name":"Last_Name","index":99999999999999999999}]}],"query":{"module":"Contacts","page":99999999999999999999,"cvid":99999999999999999999999}}"""),
        ["int-max-page"] = () => Json("""{"query":{"module":"Contacts","page":2147483647,"cvid":"9223372036854775807"},"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":9223372036854775807,"field_mappings":[{"api_name":"Last_Name","index":2147483647}]}]}"""),
        ["negative-page"] = () => Json("""{"query":{"module":"Contacts","page":-1,"cvid":-5},"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":-1,"field_mappings":[{"api_name":"Last_Name","index":-1}]}]}"""),
        ["fractions-and-exponents"] = () => Json("""{"query":{"module":"Contacts","page":1.5,"cvid":1e308},"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":1e400,"field_mappings":[{"api_name":"Last_Name","index":0.5}]}]}"""),
        ["criteria-type-confusion"] = () => Json("""{"query":{"module":"Contacts","criteria":{"api_name":"Created_Time","comparator":"between","value":[{"a":1},[1,2]]}},"name":"v","criteria":{"api_name":"Owner","comparator":"in","value":[null,true,{"id":"x"}]}}"""),
        ["trailing-garbage"] = () => Json("""{"operation":"insert"} {"operation":"update"}"""),
        ["multipart-without-boundary"] = () => Bytes("--x\r\n\r\n"u8.ToArray(), "multipart/form-data"),
        ["multipart-garbage"] = () => Bytes(new byte[4096], "multipart/form-data; boundary=zzz"),
        ["form-with-too-many-keys"] = () => Bytes(Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, 5000).Select(i => $"k{i}=v"))), "application/x-www-form-urlencoded"),
        ["form-with-bad-escapes"] = () => Bytes("grant_type=%zz&client_id=%&token=%C3%28"u8.ToArray(), "application/x-www-form-urlencoded"),
        ["huge-form-value"] = () => Bytes(Encoding.ASCII.GetBytes("grant_type=refresh_token&refresh_token=" + new string('a', 5 * 1024 * 1024)), "application/x-www-form-urlencoded"),
    };

    [Theory]
    [MemberData(nameof(PostCases))]
    public async Task Hostile_body_never_gets_a_500(string route, string body)
    {
        var response = await fixture.Client.SendRawAsync(HttpMethod.Post, route, HostileBodies[body](), $"Zoho-oauthtoken {fixture.Client.Token}",
            ("feature", "bulk-write"), ("X-CRM-ORG", fixture.Client.OrgId));

        AssertZohoAnswer(response);
    }

    [Theory]
    [MemberData(nameof(GetCases))]
    public async Task Hostile_path_or_query_never_gets_a_500(string route, string segment)
    {
        var response = await fixture.Client.GetAsync(route.Replace("{x}", segment, StringComparison.Ordinal));

        AssertZohoAnswer(response);
    }

    /// <summary>
    /// Kestrel refuses a NUL in the path, and a request line past its raised 64 KiB limit, itself, before any
    /// middleware runs, with an empty 400 or 414: not a Zoho envelope (ASP.NET Core has no hook for these), but
    /// never a 500 and never reaching a handler. Between 8 KiB and 64 KiB the app answers with the envelope
    /// (<see cref="RequestSizeLimitTests"/>).
    /// </summary>
    [Theory]
    [InlineData("/bigin/bulk/v2/write/%00", HttpStatusCode.BadRequest)]
    [InlineData("/bigin/v2/Contacts%00", HttpStatusCode.BadRequest)]
    [InlineData("/bigin/bulk/v2/read/{long}", HttpStatusCode.RequestUriTooLong)]
    public async Task Requests_kestrel_refuses_before_the_app_are_client_errors(string path, HttpStatusCode status)
    {
        var response = await fixture.Client.GetAsync(path.Replace("{long}", new string('7', 70_000), StringComparison.Ordinal));

        response.AssertStatus(status);
        Assert.Empty(response.Body);
    }

    /// <summary>A success, or a JSON error in the envelope, the token endpoint's or the upload gateway's shape.</summary>
    private static void AssertZohoAnswer(Response response)
    {
        Assert.True((int)response.Status < 500, $"HTTP {(int)response.Status}: {response.Text}");
        if ((int)response.Status < 300)
        {
            return;
        }

        Assert.True(response.ContentType == "application/json", $"HTTP {(int)response.Status} with Content-Type {response.ContentType}: {response.Text}");
        JsonObject json;
        try
        {
            json = response.Json.AsObject();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException($"HTTP {(int)response.Status} with a body that is not a JSON object: {response.Text}");
        }

        var envelope = json["status"]?.GetValue<string>() == "error" && json["code"] is JsonValue && json["message"] is JsonValue && json["details"] is JsonObject;
        var gateway = json["ERROR_CODE"] is JsonValue && json["x-error"] is JsonValue;
        Assert.True(envelope || gateway, $"HTTP {(int)response.Status} is not a Zoho error: {response.Text}");
        Assert.NotEqual("INTERNAL_ERROR", json["code"]?.GetValue<string>());
    }

    private static string NestedGroups(int depth) => depth == 0
        ? """{"api_name":"Last_Name","comparator":"equal","value":"x"}"""
        : $$$"""{"group_operator":"and","group":[{{{NestedGroups(depth - 1)}}}]}""";

    private static ByteArrayContent Json(string text) => Bytes(Encoding.UTF8.GetBytes(text), "application/json");

    private static ByteArrayContent Bytes(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
