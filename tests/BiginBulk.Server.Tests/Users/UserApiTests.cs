using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Users;

/// <summary>Zoho's users API on both path families, driven over HTTP; each test that counts users gets its own org.</summary>
public sealed class UserApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string AllScopes = "ZohoBigin.bulk.ALL,ZohoBigin.modules.ALL,ZohoBigin.settings.ALL,ZohoBigin.users.ALL,ZohoBigin.org.ALL,ZohoFiles.files.ALL";

    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task CurrentUser_on_the_crm_v8_path_succeeds_with_a_token_that_has_no_users_scope()
    {
        // What Zoho's SDKs send after every token refresh (sdk wire notes §6), with a typical records-only token.
        var token = await ScopedTokens.MintAsync(Server, "ZohoCRM.modules.ALL", Server.Credentials.ClientId);
        using var client = new BiginClient(Server, token);

        var response = await client.GetAsync("/crm/v8/users?type=CurrentUser");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", response.ContentType);
        var user = Assert.Single(response.Json["users"]!.AsArray())!;
        Assert.Equal(Server.Credentials.UserId, user["id"]!.GetValue<string>());
        Assert.Equal("admin@biginbulk.local", user["email"]!.GetValue<string>());
        Assert.Equal("Admin User", user["full_name"]!.GetValue<string>());
        Assert.Equal("Admin", user["first_name"]!.GetValue<string>());
        Assert.Equal("User", user["last_name"]!.GetValue<string>());
        Assert.Equal("active", user["status"]!.GetValue<string>());
        Assert.Equal("Administrator", user["profile"]!["name"]!.GetValue<string>());
        Assert.Matches("^[0-9]{18}$", user["profile"]!["id"]!.GetValue<string>());
        Assert.Equal("CEO", user["role"]!["name"]!.GetValue<string>());
        Assert.Matches("^[0-9]{18}$", user["role"]!["id"]!.GetValue<string>());
        Assert.Equal("UTC", user["time_zone"]!.GetValue<string>());
        Assert.Equal("en_US", user["locale"]!.GetValue<string>());
        Assert.Equal(0, user["offset"]!.GetValue<long>());
        Assert.Equal(1, response.Json["info"]!["count"]!.GetValue<int>());
        Assert.False(response.Json["info"]!["more_records"]!.GetValue<bool>());

        // Listing everyone is not reading oneself: that needs the users scope.
        (await client.GetAsync("/crm/v8/users")).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
        (await client.GetAsync($"/crm/v8/users/{Server.Credentials.UserId}")).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
    }

    [Fact]
    public async Task Types_select_users_by_status_and_profile_and_pages_say_when_more_remain()
    {
        using var org = await NewOrgAdminAsync("Typeorg");
        var admin = org.Client;
        var clerk = await CreateUserAsync(admin, "clerk@typeorg.test", "Clerk", "Standard", "Manager");
        var viewer = await CreateUserAsync(admin, "viewer@typeorg.test", "Viewer", "Read Only", "Manager");
        var second = await CreateUserAsync(admin, "boss2@typeorg.test", "Boss", "Administrator", "CEO");
        (await admin.SendAsync(HttpMethod.Put, $"/bigin/v2/users/{viewer}", RawRequests.JsonText("""{"users":[{"status":"disabled"}]}"""))).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(4, (await Ids(admin, "/bigin/v2/users")).Count);
        Assert.Equal(4, (await Ids(admin, "/bigin/v2/users?type=AllUsers")).Count);
        Assert.DoesNotContain(viewer, await Ids(admin, "/bigin/v2/users?type=ActiveUsers"));
        Assert.Equal(3, (await Ids(admin, "/crm/v2/users?type=ActiveUsers")).Count);
        Assert.Equal([viewer], await Ids(admin, "/bigin/v2/users?type=DeactiveUsers"));
        var admins = await Ids(admin, "/crm/v8/users?type=AdminUsers");
        Assert.Equal(2, admins.Count);
        Assert.Contains(second, admins);
        Assert.DoesNotContain(clerk, admins);

        var page2 = await admin.GetAsync("/bigin/v2/users?per_page=3&page=1");
        Assert.True(page2.Json["info"]!["more_records"]!.GetValue<bool>());
        Assert.Equal(3, page2.Json["info"]!["per_page"]!.GetValue<int>());
        var last = await admin.GetAsync("/bigin/v2/users?per_page=3&page=2");
        Assert.Single(last.Json["users"]!.AsArray());
        Assert.False(last.Json["info"]!["more_records"]!.GetValue<bool>());
        var beyond = await admin.GetAsync("/bigin/v2/users?per_page=3&page=3");
        beyond.AssertStatus(HttpStatusCode.NoContent);
        Assert.Empty(beyond.Body);
        (await admin.GetAsync("/bigin/v2/users?type=DeletedUsers")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Bad_type_page_and_unknown_ids_are_precise_400s()
    {
        using var org = await NewOrgAdminAsync("Badorg");
        var admin = org.Client;
        var type = (await admin.GetAsync("/bigin/v2/users?type=Everyone")).AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
        Assert.Equal("type", type["details"]!["param_name"]!.GetValue<string>());
        var perPage = (await admin.GetAsync("/bigin/v2/users?per_page=201")).AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
        Assert.Equal("per_page", perPage["details"]!["param_name"]!.GetValue<string>());
        (await admin.GetAsync("/bigin/v2/users/123")).AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
        (await admin.GetAsync("/bigin/v2/users/abc")).AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");

        // The default org's administrator exists, but in another org: as unknown as a made-up id.
        (await admin.GetAsync($"/bigin/v2/users/{Server.Credentials.UserId}")).AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }

    [Fact]
    public async Task A_user_is_read_by_id_on_both_families()
    {
        using var org = await NewOrgAdminAsync("Byid");
        var admin = org.Client;
        var id = await CreateUserAsync(admin, "ann@byid.test", "Lee", "Standard", "Manager", """ "first_name":"Ann","time_zone":"Asia/Kolkata","locale":"en_GB", """);

        foreach (var path in new[] { $"/bigin/v2/users/{id}", $"/crm/v8/users/{id}" })
        {
            var response = await admin.GetAsync(path);
            response.AssertStatus(HttpStatusCode.OK);
            var user = Assert.Single(response.Json["users"]!.AsArray())!;
            Assert.Equal(id, user["id"]!.GetValue<string>());
            Assert.Equal("Ann Lee", user["full_name"]!.GetValue<string>());
            Assert.Equal("Standard", user["profile"]!["name"]!.GetValue<string>());
            Assert.Equal("Manager", user["role"]!["name"]!.GetValue<string>());
            Assert.Equal("Asia/Kolkata", user["time_zone"]!.GetValue<string>());
            Assert.Equal(19_800_000, user["offset"]!.GetValue<long>());
            Assert.Equal("en_GB", user["locale"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Adding_users_reports_each_entry_with_zoho_codes()
    {
        using var org = await NewOrgAdminAsync("Addorg");
        var admin = org.Client;
        var existing = await CreateUserAsync(admin, "taken@addorg.test", "Taken", "Standard", "Manager");

        var response = await admin.PostJsonAsync("/crm/v8/users", """
            {"users":[
              {"last_name":"New","email":"new@addorg.test","role":{"name":"Manager"},"profile":{"name":"Standard"}},
              {"last_name":"NoMail","role":{"name":"Manager"},"profile":{"name":"Standard"}},
              {"last_name":"Dup","email":"TAKEN@addorg.test","role":{"name":"Manager"},"profile":{"name":"Standard"}},
              {"last_name":"Zone","email":"zone@addorg.test","role":{"name":"Manager"},"profile":{"name":"Standard"},"time_zone":"Mars/Olympus"},
              {"last_name":"Prof","email":"prof@addorg.test","role":{"name":"Manager"},"profile":{"name":"Superuser"}},
              {"last_name":"NoRole","email":"norole@addorg.test","profile":{"name":"Standard"}}
            ]}
            """);

        response.AssertStatus(HttpStatusCode.Created);
        var results = response.Json["users"]!.AsArray();
        Assert.Equal(6, results.Count);
        Assert.Equal("SUCCESS", results[0]!["code"]!.GetValue<string>());
        Assert.Equal("success", results[0]!["status"]!.GetValue<string>());
        Assert.Matches("^[0-9]{18,19}$", results[0]!["details"]!["id"]!.GetValue<string>());
        Assert.Equal(("MANDATORY_NOT_FOUND", "email"), Outcome(results[1]!));
        Assert.Equal(("DUPLICATE_DATA", "email"), Outcome(results[2]!));
        Assert.Equal(existing, results[2]!["details"]!["id"]!.GetValue<string>());
        Assert.Equal(("INVALID_DATA", "time_zone"), Outcome(results[3]!));
        Assert.Equal(("INVALID_DATA", "profile"), Outcome(results[4]!));
        Assert.Equal(("MANDATORY_NOT_FOUND", "role"), Outcome(results[5]!));
        Assert.All(results.Skip(1), r => Assert.Equal("error", r!["status"]!.GetValue<string>()));
        Assert.Equal(3, (await Ids(admin, "/bigin/v2/users")).Count);

        // Every entry refused: nothing was added, and the whole request is a 400.
        var none = await admin.PostJsonAsync("/bigin/v2/users", """{"users":[{"last_name":"X"}]}""");
        none.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(("MANDATORY_NOT_FOUND", "email"), Outcome(none.Json["users"]![0]!));
        (await admin.PostJsonAsync("/bigin/v2/users", """{"user":[]}""")).AssertError(HttpStatusCode.BadRequest, "MISSING_REQUIRED_KEY");
        (await admin.PostJsonAsync("/bigin/v2/users", """{"users":[]}""")).AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }

    [Fact]
    public async Task Only_administrators_with_the_users_scope_add_or_change_users()
    {
        using var org = await NewOrgAdminAsync("Guardorg");
        var admin = org.Client;
        var clerk = await CreateUserAsync(admin, "clerk@guardorg.test", "Clerk", "Standard", "Manager");
        var clientId = org.ClientId;
        using var standard = new BiginClient(Server, await ScopedTokens.MintAsync(Server, AllScopes, clientId, clerk));
        var body = """{"users":[{"last_name":"X","email":"x@guardorg.test","role":{"name":"Manager"},"profile":{"name":"Standard"}}]}""";

        (await standard.PostJsonAsync("/bigin/v2/users", body)).AssertError(HttpStatusCode.Forbidden, "NO_PERMISSION");
        (await standard.SendAsync(HttpMethod.Put, $"/bigin/v2/users/{clerk}", RawRequests.JsonText("""{"users":[{"profile":{"name":"Administrator"}}]}""")))
            .AssertError(HttpStatusCode.Forbidden, "NO_PERMISSION");
        // A Standard user still reads the user list.
        Assert.Equal(2, (await Ids(standard, "/bigin/v2/users")).Count);

        using var readOnlyScopes = new BiginClient(Server, await ScopedTokens.MintAsync(Server, "ZohoBigin.users.READ", clientId));
        var mismatch = (await readOnlyScopes.PostJsonAsync("/bigin/v2/users", body)).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
        Assert.Equal("ZohoBigin.users.CREATE", mismatch["details"]!["required_scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deactivated_user_loses_access_at_once_and_comes_back_when_reactivated()
    {
        using var org = await NewOrgAdminAsync("Offorg");
        var admin = org.Client;
        var clerk = await CreateUserAsync(admin, "clerk@offorg.test", "Clerk", "Standard", "Manager");
        var (adminId, clientId) = (org.UserId, org.ClientId);
        using var user = new BiginClient(Server, await ScopedTokens.MintAsync(Server, AllScopes, clientId, clerk));
        (await user.GetAsync("/bigin/v2/users?type=CurrentUser")).AssertStatus(HttpStatusCode.OK);

        // The C# SDK sends ids as JSON numbers, and Node sends JSON with no Content-Type: both are accepted.
        var off = await admin.SendAsync(HttpMethod.Put, "/crm/v8/users", RawRequests.JsonText($$"""{"users":[{"id":{{clerk}},"status":"disabled"}]}""", contentType: null));
        off.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("SUCCESS", off.Json["users"]![0]!["code"]!.GetValue<string>());
        (await user.GetAsync("/bigin/v2/users?type=CurrentUser")).AssertError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await user.GetAsync("/bigin/v2/Contacts")).AssertError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Equal("disabled", (await admin.GetAsync($"/bigin/v2/users/{clerk}")).Json["users"]![0]!["status"]!.GetValue<string>());

        (await admin.SendAsync(HttpMethod.Put, $"/bigin/v2/users/{clerk}", RawRequests.JsonText("""{"users":[{"status":"active"}]}"""))).AssertStatus(HttpStatusCode.OK);
        (await user.GetAsync("/bigin/v2/users?type=CurrentUser")).AssertStatus(HttpStatusCode.OK);

        // An administrator cannot lock themself out.
        var self = await admin.SendAsync(HttpMethod.Put, $"/bigin/v2/users/{adminId}", RawRequests.JsonText("""{"users":[{"status":"disabled"}]}"""));
        self.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(("INVALID_DATA", "status"), Outcome(self.Json["users"]![0]!));
        var missingId = await admin.SendAsync(HttpMethod.Put, "/bigin/v2/users", RawRequests.JsonText("""{"users":[{"status":"disabled"}]}"""));
        Assert.Equal(("MANDATORY_NOT_FOUND", "id"), Outcome(missingId.Json["users"]![0]!));
    }

    [Fact]
    public async Task Updates_change_only_what_they_name_and_keep_emails_unique()
    {
        using var org = await NewOrgAdminAsync("Updorg");
        var admin = org.Client;
        var ann = await CreateUserAsync(admin, "ann@updorg.test", "Lee", "Standard", "Manager");
        await CreateUserAsync(admin, "bob@updorg.test", "Stone", "Standard", "Manager");

        var update = await admin.SendAsync(HttpMethod.Put, $"/bigin/v2/users/{ann}",
            RawRequests.JsonText("""{"users":[{"last_name":"Lee-Jones","profile":{"name":"Read Only"},"time_zone":"Europe/Berlin"}]}"""));
        update.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("User updated", update.Json["users"]![0]!["message"]!.GetValue<string>());
        var user = (await admin.GetAsync($"/bigin/v2/users/{ann}")).Json["users"]![0]!;
        Assert.Equal("Lee-Jones", user["last_name"]!.GetValue<string>());
        Assert.Equal("Read Only", user["profile"]!["name"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", user["time_zone"]!.GetValue<string>());
        Assert.Equal("ann@updorg.test", user["email"]!.GetValue<string>());
        Assert.Equal("Manager", user["role"]!["name"]!.GetValue<string>());

        var dup = await admin.SendAsync(HttpMethod.Put, $"/bigin/v2/users/{ann}", RawRequests.JsonText("""{"users":[{"email":"Bob@updorg.test"}]}"""));
        Assert.Equal(("DUPLICATE_DATA", "email"), Outcome(dup.Json["users"]![0]!));
        var locale = await admin.SendAsync(HttpMethod.Put, $"/bigin/v2/users/{ann}", RawRequests.JsonText("""{"users":[{"locale":"english"}]}"""));
        Assert.Equal(("INVALID_DATA", "locale"), Outcome(locale.Json["users"]![0]!));
        var unknown = await admin.SendAsync(HttpMethod.Put, "/bigin/v2/users/42", RawRequests.JsonText("""{"users":[{"last_name":"X"}]}"""));
        Assert.Equal(("INVALID_DATA", "id"), Outcome(unknown.Json["users"]![0]!));
        Assert.Equal("ann@updorg.test", (await admin.GetAsync($"/bigin/v2/users/{ann}")).Json["users"]![0]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_admin_tool_updates_and_deactivates_users_with_the_same_rules()
    {
        var (orgId, _, _, _) = await AdminTool.CreateOrgAsync(Server, "Toolorg");
        var created = await AdminTool.RunJsonAsync(Server, "user", "create", "--org", orgId, "--email", "t@toolorg.test", "--last-name", "Tool",
            "--profile", "read only", "--time-zone", "America/New_York", "--locale", "en_GB");
        Assert.Equal("Read Only", created["profile"]!.GetValue<string>());
        Assert.Equal("America/New_York", created["time_zone"]!.GetValue<string>());
        Assert.Equal("Manager", created["role"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();

        var updated = await AdminTool.RunJsonAsync(Server, "user", "update", "--id", id, "--role", "ceo", "--last-name", "Tooling");
        Assert.Equal("CEO", updated["role"]!.GetValue<string>());
        Assert.Equal("Tooling", updated["last_name"]!.GetValue<string>());
        Assert.Equal("America/New_York", updated["time_zone"]!.GetValue<string>());

        var deactivated = await AdminTool.RunJsonAsync(Server, "user", "deactivate", "--id", id);
        Assert.Equal("disabled", deactivated["status"]!.GetValue<string>());
        var listed = (await AdminTool.RunJsonAsync(Server, "user", "list", "--org", orgId)).AsArray().Single(u => u!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("disabled", listed["status"]!.GetValue<string>());

        var zone = await AdminTool.RunAsync(Server, "user", "update", "--id", id, "--time-zone", "Nowhere/Land");
        Assert.Equal(3, zone.ExitCode);
        Assert.Contains("Nowhere/Land", zone.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, (await AdminTool.RunAsync(Server, "user", "deactivate", "--id", "123")).ExitCode);
    }

    private static (string Code, string ApiName) Outcome(JsonNode result) =>
        (result["code"]!.GetValue<string>(), result["details"]!["api_name"]!.GetValue<string>());

    private static async Task<List<string>> Ids(BiginClient client, string path)
    {
        var response = await client.GetAsync(path);
        if (response.Status == HttpStatusCode.NoContent)
        {
            return [];
        }

        response.AssertStatus(HttpStatusCode.OK);
        return [.. response.Json["users"]!.AsArray().Select(u => u!["id"]!.GetValue<string>())];
    }

    private static async Task<string> CreateUserAsync(BiginClient admin, string email, string lastName, string profile, string role, string extra = "")
    {
        var response = await admin.PostJsonAsync("/bigin/v2/users",
            $$$"""{"users":[{ {{{extra}}} "last_name":"{{{lastName}}}","email":"{{{email}}}","role":{"name":"{{{role}}}"},"profile":{"name":"{{{profile}}}"}}]}""");
        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal("User added", response.Json["users"]![0]!["message"]!.GetValue<string>());
        return response.Json["users"]![0]!["details"]!["id"]!.GetValue<string>();
    }

    private async Task<OrgAdmin> NewOrgAdminAsync(string name)
    {
        var (_, userId, clientId, _) = await AdminTool.CreateOrgAsync(Server, name);
        return new OrgAdmin(new BiginClient(Server, await ScopedTokens.MintAsync(Server, AllScopes, clientId)), userId, clientId);
    }

    /// <summary>A fresh org's administrator: an all-scopes client, its user id and its OAuth client.</summary>
    private sealed record OrgAdmin(BiginClient Client, string UserId, string ClientId) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }
}
