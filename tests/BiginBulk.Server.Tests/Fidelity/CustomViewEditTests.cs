using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Fidelity;

/// <summary>
/// Custom views can be edited (PUT replaces, PATCH changes the keys it names) and deleted on our own route,
/// by administrators, with the validation creation applies; the system "All …" views cannot be changed.
/// </summary>
public sealed class CustomViewEditTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Route = "/biginbulk/v1/settings/custom_views";

    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task An_edited_view_exports_with_its_new_criteria()
    {
        await Client.InsertAsync("Contacts", "Last_Name\nEditOld\nEditNew\n");
        var id = await CreateAsync("Contacts", "Edit me", Equal("EditOld"));

        var response = await SendJsonAsync(HttpMethod.Put, $"{Route}/{id}", new JsonObject { ["name"] = "Edited", ["criteria"] = Equal("EditNew") });

        response.AssertStatus(HttpStatusCode.OK);
        var view = response.Json["custom_views"]![0]!;
        Assert.Equal("Edited", view["name"]!.GetValue<string>());
        Assert.Equal(id, view["id"]!.GetValue<string>());
        var listed = await ListAsync("Contacts");
        Assert.Equal("Edited", listed.Single(v => v!["id"]!.GetValue<string>() == id)!["name"]!.GetValue<string>());
        var exported = await Client.ExportColumnAsync("Contacts", "Last_Name", null, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["EditNew"], exported);
    }

    [Fact]
    public async Task Patch_changes_only_the_keys_it_names_and_null_criteria_clears_them()
    {
        var id = await CreateAsync("Contacts", "Patch me", Equal("Kept"));

        var renamed = await SendJsonAsync(HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["name"] = "Patched" });
        renamed.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Patched", renamed.Json["custom_views"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Kept", renamed.Json["custom_views"]![0]!["criteria"]!["value"]!.GetValue<string>());

        var cleared = await SendJsonAsync(HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["criteria"] = null });
        cleared.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Patched", cleared.Json["custom_views"]![0]!["name"]!.GetValue<string>());
        Assert.Null(cleared.Json["custom_views"]![0]!["criteria"]);
    }

    [Fact]
    public async Task An_edit_gets_the_validation_of_creation_and_leaves_the_view_unchanged()
    {
        var id = await CreateAsync("Contacts", "Strict", Equal("Strict"));

        var badField = await SendJsonAsync(HttpMethod.Patch, $"{Route}/{id}",
            new JsonObject { ["criteria"] = new JsonObject { ["api_name"] = "Shoe_Size", ["comparator"] = "equal", ["value"] = "9" } });
        var json = badField.AssertError(HttpStatusCode.BadRequest, "INVALID_CRITERIA");
        Assert.Equal("$.criteria.api_name", json["details"]!["json_path"]!.GetValue<string>());

        var noName = await SendJsonAsync(HttpMethod.Put, $"{Route}/{id}", new JsonObject { ["criteria"] = Equal("x") });
        noName.AssertError(HttpStatusCode.BadRequest, "MISSING_REQUIRED_KEY");

        var view = (await ListAsync("Contacts")).Single(v => v!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("Strict", view["name"]!.GetValue<string>());
        Assert.Equal("Strict", view["criteria"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_view_is_gone_and_a_second_delete_is_not_found()
    {
        var id = await CreateAsync("Contacts", "Delete me", null);

        var deleted = await Client.SendAsync(HttpMethod.Delete, $"{Route}/{id}");

        deleted.AssertStatus(HttpStatusCode.OK);
        var entry = deleted.Json["custom_views"]![0]!;
        Assert.Equal("success", entry["status"]!.GetValue<string>());
        Assert.Equal(id, entry["details"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(await ListAsync("Contacts"), v => v!["id"]!.GetValue<string>() == id);
        (await Client.SendAsync(HttpMethod.Delete, $"{Route}/{id}")).AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        (await SendJsonAsync(HttpMethod.Put, $"{Route}/{id}", new JsonObject { ["name"] = "Ghost" })).AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        (await Client.SendAsync(HttpMethod.Delete, $"{Route}/not-a-number")).AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task The_system_all_view_cannot_be_edited_or_deleted()
    {
        var all = (await ListAsync("Contacts")).Single(v => v!["system_defined"]!.GetValue<bool>())!;
        var id = all["id"]!.GetValue<string>();

        (await SendJsonAsync(HttpMethod.Put, $"{Route}/{id}", new JsonObject { ["name"] = "Mine now" })).AssertError(HttpStatusCode.BadRequest, "NOT_ALLOWED");
        (await SendJsonAsync(HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["name"] = "Mine now" })).AssertError(HttpStatusCode.BadRequest, "NOT_ALLOWED");
        (await Client.SendAsync(HttpMethod.Delete, $"{Route}/{id}")).AssertError(HttpStatusCode.BadRequest, "NOT_ALLOWED");

        var after = (await ListAsync("Contacts")).Single(v => v!["system_defined"]!.GetValue<bool>())!;
        Assert.Equal(all["name"]!.GetValue<string>(), after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_administrators_with_the_scope_may_edit_or_delete()
    {
        var id = await CreateAsync("Contacts", "Guarded", null);
        var user = await AdminTool.RunJsonAsync(fixture.Server, "user", "create", "--org", fixture.Server.Credentials.OrgId, "--email", "views@edit.test", "--last-name", "Standard");
        var tokens = new ScopedTokens(fixture.Server);
        using var standard = new BiginClient(fixture.Server, await tokens.GetAsync("ZohoBigin.settings.ALL", userId: user["id"]!.GetValue<string>()));
        using var readOnly = new BiginClient(fixture.Server, await tokens.GetAsync("ZohoBigin.settings.custom_views.READ"));

        (await standard.SendAsync(HttpMethod.Delete, $"{Route}/{id}")).AssertError(HttpStatusCode.Forbidden, "NO_PERMISSION");
        (await SendJsonAsync(HttpMethod.Put, $"{Route}/{id}", new JsonObject { ["name"] = "x" }, standard)).AssertError(HttpStatusCode.Forbidden, "NO_PERMISSION");
        (await readOnly.SendAsync(HttpMethod.Delete, $"{Route}/{id}")).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
        (await SendJsonAsync(HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["name"] = "x" }, readOnly)).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
        Assert.Contains(await ListAsync("Contacts"), v => v!["id"]!.GetValue<string>() == id && v["name"]!.GetValue<string>() == "Guarded");
    }

    [Fact]
    public async Task The_admin_tool_updates_and_deletes_a_view_with_the_same_rules()
    {
        var org = fixture.Server.Credentials.OrgId;
        var id = await CreateAsync("Contacts", "Tool view", null);

        var updated = await AdminTool.RunJsonAsync(fixture.Server, "view", "update", "--org", org, "--id", id, "--name", "Tool edited",
            "--criteria", """{"api_name":"Last_Name","comparator":"equal","value":"T"}""");
        Assert.Equal("Tool edited", updated["name"]!.GetValue<string>());
        Assert.Equal("T", updated["criteria"]!["value"]!.GetValue<string>());

        var refused = await AdminTool.RunAsync(fixture.Server, "view", "update", "--org", org, "--id", id,
            "--criteria", """{"api_name":"Shoe_Size","comparator":"equal","value":"9"}""");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("INVALID_CRITERIA", refused.Stderr + refused.Stdout, StringComparison.Ordinal);

        var systemId = (await ListAsync("Contacts")).Single(v => v!["system_defined"]!.GetValue<bool>())!["id"]!.GetValue<string>();
        Assert.NotEqual(0, (await AdminTool.RunAsync(fixture.Server, "view", "delete", "--org", org, "--id", systemId)).ExitCode);

        await AdminTool.RunJsonAsync(fixture.Server, "view", "delete", "--org", org, "--id", id);
        Assert.DoesNotContain(await ListAsync("Contacts"), v => v!["id"]!.GetValue<string>() == id);
        Assert.NotEqual(0, (await AdminTool.RunAsync(fixture.Server, "view", "delete", "--org", org, "--id", id)).ExitCode);
    }

    private static JsonObject Equal(string lastName) => new() { ["api_name"] = "Last_Name", ["comparator"] = "equal", ["value"] = lastName };

    private async Task<string> CreateAsync(string module, string name, JsonObject? criteria)
    {
        var body = new JsonObject { ["name"] = name };
        if (criteria is not null)
        {
            body["criteria"] = criteria;
        }

        var response = await Client.PostJsonAsync($"{Route}?module={module}", body);
        response.AssertStatus(HttpStatusCode.Created);
        return response.Json["custom_views"]![0]!["id"]!.GetValue<string>();
    }

    private async Task<JsonArray> ListAsync(string module)
    {
        var response = await Client.GetAsync($"/bigin/v2/settings/custom_views?module={module}");
        response.AssertStatus(HttpStatusCode.OK);
        return response.Json["custom_views"]!.AsArray();
    }

    private Task<Response> SendJsonAsync(HttpMethod method, string path, JsonObject body, BiginClient? client = null) =>
        (client ?? Client).SendAsync(method, path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
}
