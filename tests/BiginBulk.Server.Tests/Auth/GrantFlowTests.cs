using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Auth;

public sealed class GrantFlowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Self_client_grant_code_exchanges_once_for_tokens_with_its_scopes()
    {
        var (clientId, secret) = await NewClientAsync();
        var grant = await AdminTool.RunJsonAsync(Server, "grant", "create", "--client", clientId, "--scopes", "ZohoBigin.modules.ALL", "--minutes", "3");
        var code = grant["code"]!.GetValue<string>();

        var tokens = await PostTokenAsync(new() { ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["client_secret"] = secret, ["code"] = code });
        var access = tokens["access_token"]!.GetValue<string>();
        var refresh = tokens["refresh_token"]!.GetValue<string>();
        Assert.Equal(3600, tokens["expires_in"]!.GetValue<int>());
        Assert.Equal("ZohoBigin.modules.ALL", tokens["scope"]!.GetValue<string>());

        using var client = new BiginClient(Server, access);
        (await client.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);
        (await client.GetAsync("/bigin/bulk/v2/write/1")).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");

        var again = await PostTokenAsync(new() { ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["client_secret"] = secret, ["code"] = code });
        Assert.Equal("invalid_code", again["error"]!.GetValue<string>());

        var refreshed = await PostTokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["client_secret"] = secret, ["refresh_token"] = refresh });
        Assert.NotNull(refreshed["access_token"]);
    }

    [Fact]
    public async Task Grant_code_of_another_client_is_invalid_code()
    {
        var (clientA, _) = await NewClientAsync();
        var (clientB, secretB) = await NewClientAsync();
        var grant = await AdminTool.RunJsonAsync(Server, "grant", "create", "--client", clientA, "--scopes", "ZohoBigin.modules.ALL");
        var result = await PostTokenAsync(new() { ["grant_type"] = "authorization_code", ["client_id"] = clientB, ["client_secret"] = secretB, ["code"] = grant["code"]!.GetValue<string>() });
        Assert.Equal("invalid_code", result["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Client_credentials_grant_needs_the_org_and_gives_the_requested_scopes()
    {
        var (clientId, secret) = await NewClientAsync();
        var missingOrg = await PostTokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "ZohoBigin.modules.ALL" });
        Assert.Equal("missing_org_info", missingOrg["error"]!.GetValue<string>());

        var wrongOrg = await PostTokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "ZohoBigin.modules.ALL", ["soid"] = "ZohoCRM.42" });
        Assert.Equal("invalid_client", wrongOrg["error"]!.GetValue<string>());

        var badScope = await PostTokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "everything", ["soid"] = $"ZohoCRM.{Server.Credentials.OrgId}" });
        Assert.Equal("invalid_scope", badScope["error"]!.GetValue<string>());

        var ok = await PostTokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "ZohoBigin.modules.contacts.READ", ["soid"] = $"ZohoCRM.{Server.Credentials.OrgId}" });
        Assert.Null(ok["refresh_token"]);
        using var client = new BiginClient(Server, ok["access_token"]!.GetValue<string>());
        (await client.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);
        (await client.GetAsync("/bigin/v2/Accounts")).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
    }

    [Fact]
    public async Task Revoking_a_refresh_token_ends_it_and_its_access_tokens_at_once()
    {
        var (clientId, secret) = await NewClientAsync();
        var created = await AdminTool.RunJsonAsync(Server, "token", "create", "--client", clientId, "--scopes", "ZohoBigin.modules.ALL");
        var refresh = created["refresh_token"]!.GetValue<string>();
        var access = created["access_token"]!.GetValue<string>();
        using var client = new BiginClient(Server, access);
        (await client.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);

        using var http = new HttpClient();
        using var revoke = await http.PostAsync(new Uri(Server.BaseAddress, $"/oauth/v2/token/revoke?token={refresh}"), content: null);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        (await client.GetAsync("/bigin/v2/Contacts")).AssertError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        var refreshed = await PostTokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["client_secret"] = secret, ["refresh_token"] = refresh });
        Assert.Equal("invalid_code", refreshed["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoking_an_access_token_ends_only_that_token()
    {
        var (clientId, _) = await NewClientAsync();
        var first = await AdminTool.RunJsonAsync(Server, "token", "create", "--client", clientId, "--scopes", "ZohoBigin.modules.ALL");
        var second = await AdminTool.RunJsonAsync(Server, "token", "create", "--client", clientId, "--scopes", "ZohoBigin.modules.ALL");
        using var http = new HttpClient();
        using var revoke = await http.PostAsync(new Uri(Server.BaseAddress, "/oauth/v2/token/revoke"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = first["access_token"]!.GetValue<string>() }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        using var revoked = new BiginClient(Server, first["access_token"]!.GetValue<string>());
        using var live = new BiginClient(Server, second["access_token"]!.GetValue<string>());
        (await revoked.GetAsync("/bigin/v2/Contacts")).AssertError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await live.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);
    }

    private async Task<(string ClientId, string Secret)> NewClientAsync()
    {
        var client = await AdminTool.RunJsonAsync(Server, "client", "create", "--org", Server.Credentials.OrgId, "--name", "grant tests");
        return (client["client_id"]!.GetValue<string>(), client["client_secret"]!.GetValue<string>());
    }

    private async Task<JsonObject> PostTokenAsync(Dictionary<string, string> form)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Server.BaseAddress, "/oauth/v2/token"), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
