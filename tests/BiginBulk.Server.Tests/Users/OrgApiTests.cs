using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Users;

/// <summary>The org API and the accounts server's user-info endpoint, as Zoho's SDKs call them after a token refresh.</summary>
public sealed class OrgApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerProcess Server => fixture.Server;

    [Theory]
    [InlineData("/crm/v8/org")]
    [InlineData("/crm/v2/org")]
    [InlineData("/bigin/v2/org")]
    public async Task Org_carries_its_id_zgid_name_time_zone_and_currency(string path)
    {
        var response = await fixture.Client.GetAsync(path);

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", response.ContentType);
        var org = Assert.Single(response.Json["org"]!.AsArray())!;
        Assert.Equal(Server.Credentials.OrgId, org["id"]!.GetValue<string>());
        // The SDKs sign their token store with users[0].email and org[0].zgid, the X-CRM-ORG value.
        Assert.Equal(Server.Credentials.OrgId, org["zgid"]!.GetValue<string>());
        Assert.Equal("BiginBulk", org["company_name"]!.GetValue<string>());
        Assert.Equal("UTC", org["time_zone"]!.GetValue<string>());
        Assert.Equal("USD", org["iso_code"]!.GetValue<string>());
        Assert.Equal("admin@biginbulk.local", org["primary_email"]!.GetValue<string>());
        Assert.Equal(Server.Credentials.UserId, org["primary_zuid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Org_needs_the_org_scope()
    {
        using var client = new BiginClient(Server, await ScopedTokens.MintAsync(Server, "ZohoCRM.modules.ALL", Server.Credentials.ClientId));

        var error = (await client.GetAsync("/crm/v8/org")).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");

        Assert.Equal("ZohoBigin.org.READ", error["details"]!["required_scope"]!.GetValue<string>());
        using var withOrg = new BiginClient(Server, await ScopedTokens.MintAsync(Server, "ZohoCRM.org.READ", Server.Credentials.ClientId));
        (await withOrg.GetAsync("/crm/v8/org")).AssertStatus(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/oauth/user/info")]
    [InlineData("/oauth/v2/user/info")]
    public async Task User_info_names_the_token_owner_in_accounts_keys(string path)
    {
        using var client = new BiginClient(Server, await ScopedTokens.MintAsync(Server, "ZohoBigin.modules.READ", Server.Credentials.ClientId));

        var response = await client.GetAsync(path);

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("admin@biginbulk.local", response.Json["Email"]!.GetValue<string>());
        Assert.Equal("Admin", response.Json["First_Name"]!.GetValue<string>());
        Assert.Equal("User", response.Json["Last_Name"]!.GetValue<string>());
        Assert.Equal("Admin User", response.Json["Display_Name"]!.GetValue<string>());
        Assert.Equal(Server.Credentials.UserId, response.Json["ZUID"]!.GetValue<string>());

        using var anonymous = new BiginClient(Server, "1000.not.a-token");
        (await anonymous.GetAsync(path)).AssertError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }
}
