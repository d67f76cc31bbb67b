using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Auth;

public sealed class PermissionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Standard_user_may_read_records_but_not_run_bulk_jobs()
    {
        var user = await AdminTool.RunJsonAsync(Server, "user", "create", "--org", Server.Credentials.OrgId, "--email", "standard@biginbulk.local", "--last-name", "Standard");
        var token = await AdminTool.RunJsonAsync(Server, "token", "create", "--client", Server.Credentials.ClientId,
            "--user", user["id"]!.GetValue<string>(), "--scopes", "ZohoBigin.bulk.ALL,ZohoBigin.modules.ALL,ZohoBigin.settings.ALL,ZohoFiles.files.ALL");
        using var client = new BiginClient(Server, token["access_token"]!.GetValue<string>());

        (await client.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);
        // Bulk import and export are profile privileges: Zoho's pages answer their absence with AUTHORIZATION_FAILED.
        AssertPrivilege(await client.UploadAsync(ZipFiles.WithCsv("Last_Name\nX\n")), "create");
        AssertPrivilege(await client.PostJsonAsync("/bigin/bulk/v2/write", """{"operation":"insert"}"""), "create");
        AssertPrivilege(await client.GetAsync("/bigin/bulk/v2/write/1"), "read");
        AssertPrivilege(await client.PostJsonAsync("/bigin/bulk/v2/read", """{"query":{"module":"Contacts"}}"""), "read");
        AssertPrivilege(await client.PostJsonAsync("/bigin/bulk/v1/read", """{"query":{"module":"Contacts"}}"""), "read");
        AssertPrivilege(await client.PostJsonAsync("/crm/bulk/v8/write", """{"operation":"insert"}"""), "create");
        AssertPrivilege(await client.GetAsync("/crm/bulk/v8/read/1"), "read");

        // A settings right that the profile lacks stays NO_PERMISSION.
        (await client.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Contacts", """{"name":"Mine"}""")).AssertError(HttpStatusCode.Forbidden, "NO_PERMISSION");
    }

    private static void AssertPrivilege(Response response, string operation)
    {
        var json = response.AssertError(HttpStatusCode.BadRequest, "AUTHORIZATION_FAILED");
        Assert.Equal($"User does not have sufficient privilege to {operation}.", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Jobs_beyond_the_org_limit_get_too_many_requests_with_retry_after()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:MaxConcurrentJobsPerOrg"] = "2",
            ["BiginBulk:Worker:Enabled"] = "false",
        });
        using var client = new BiginClient(server);
        var fileId = await client.UploadCsvAsync("Last_Name\nQueued\n");
        var body = new JsonObject
        {
            ["operation"] = "insert",
            ["resource"] = new JsonArray(new JsonObject { ["type"] = "data", ["module"] = "Contacts", ["file_id"] = fileId }),
        };
        await client.CreateWriteJobAsync(body.DeepClone().AsObject());
        await client.CreateWriteJobAsync(body.DeepClone().AsObject());

        var third = await client.PostJsonAsync("/bigin/bulk/v2/write", body.DeepClone());
        third.AssertError(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 needs a Retry-After.");
        var read = await client.PostJsonAsync("/bigin/bulk/v2/read", """{"query":{"module":"Contacts"}}""");
        read.AssertError(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
    }
}
