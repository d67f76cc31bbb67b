using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Admin;

public sealed class AdminToolTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Org_create_makes_an_org_with_its_administrator_and_org_list_shows_it()
    {
        var created = await AdminTool.RunJsonAsync(Server, "org", "create", "--name", "Initech", "--admin-email", "bill@initech.test", "--admin-first-name", "Bill", "--admin-last-name", "Lumbergh");
        var orgId = created["org"]!["id"]!.GetValue<string>();
        Assert.Matches("^[0-9]{18,19}$", orgId);
        Assert.Equal("Administrator", created["administrator"]!["profile"]!.GetValue<string>());
        Assert.Equal("Bill Lumbergh", created["administrator"]!["full_name"]!.GetValue<string>());

        var orgs = await AdminTool.RunJsonAsync(Server, "org", "list");
        Assert.Contains(orgs.AsArray(), o => o!["id"]!.GetValue<string>() == orgId && o["name"]!.GetValue<string>() == "Initech");
    }

    [Fact]
    public async Task User_create_refuses_a_duplicate_email_an_unknown_org_and_an_unknown_profile()
    {
        var (orgId, _, _, _) = await AdminTool.CreateOrgAsync(Server, "Dupco");
        var user = await AdminTool.RunJsonAsync(Server, "user", "create", "--org", orgId, "--email", "peter@dupco.test", "--last-name", "Gibbons");
        Assert.Equal("Standard", user["profile"]!.GetValue<string>());

        var duplicate = await AdminTool.RunAsync(Server, "user", "create", "--org", orgId, "--email", "PETER@dupco.test", "--last-name", "Again");
        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("already has a user", duplicate.Stderr, StringComparison.Ordinal);

        var unknownOrg = await AdminTool.RunAsync(Server, "user", "create", "--org", "123", "--email", "x@y.test", "--last-name", "X");
        Assert.Equal(2, unknownOrg.ExitCode);

        var badProfile = await AdminTool.RunAsync(Server, "user", "create", "--org", orgId, "--email", "z@dupco.test", "--last-name", "Z", "--profile", "Root");
        Assert.Equal(3, badProfile.ExitCode);

        var users = await AdminTool.RunJsonAsync(Server, "user", "list", "--org", orgId);
        Assert.Equal(2, users.AsArray().Count);
    }

    [Fact]
    public async Task Client_list_never_shows_secrets()
    {
        var (orgId, _, _, _) = await AdminTool.CreateOrgAsync(Server, "Hushco");
        var created = await AdminTool.RunJsonAsync(Server, "client", "create", "--org", orgId, "--name", "second");
        var secret = created["client_secret"]!.GetValue<string>();
        var clients = await AdminTool.RunAsync(Server, "client", "list", "--org", orgId);
        Assert.Equal(0, clients.ExitCode);
        Assert.Contains(created["client_id"]!.GetValue<string>(), clients.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, clients.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("client_secret", clients.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_created_by_the_tool_works_against_the_api_for_its_own_org()
    {
        var (_, _, _, token) = await AdminTool.CreateOrgAsync(Server, "Tokenco");
        using var client = new BiginClient(Server, token);
        (await client.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task View_created_with_the_tool_is_listed_and_exports_its_records()
    {
        var (orgId, _, _, token) = await AdminTool.CreateOrgAsync(Server, "Viewco");
        using var client = new BiginClient(Server, token) { OrgId = orgId };
        await client.RunWriteAsync("Last_Name,Email\nInside,in@viewco.test\nOutside,out@elsewhere.test\n");

        var view = await AdminTool.RunJsonAsync(Server, "view", "create", "--org", orgId, "--module", "Contacts", "--name", "Viewco people",
            "--criteria", """{"api_name":"Email","comparator":"ends_with","value":"@viewco.test"}""");
        var cvid = view["id"]!.GetValue<string>();
        var listed = await client.GetAsync("/bigin/v2/settings/custom_views?module=Contacts");
        Assert.Contains(listed.Json["custom_views"]!.AsArray(), v => v!["id"]!.GetValue<string>() == cvid);

        var export = await client.RunReadAsync(new System.Text.Json.Nodes.JsonObject
        {
            ["module"] = "Contacts",
            ["cvid"] = cvid,
            ["fields"] = new System.Text.Json.Nodes.JsonArray("Last_Name"),
        });
        Assert.Equal(["Inside"], export.Column("Last_Name"));

        var refused = await AdminTool.RunAsync(Server, "view", "create", "--org", orgId, "--module", "Contacts", "--name", "Bad",
            "--criteria", """{"api_name":"Nope","comparator":"equal","value":"x"}""");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("INVALID_CRITERIA", refused.Stderr, StringComparison.Ordinal);
    }
}
