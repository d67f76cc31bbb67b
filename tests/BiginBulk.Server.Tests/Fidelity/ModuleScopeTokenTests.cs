using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Fidelity;

/// <summary>
/// Bigin's pages name module scopes <c>companies</c> (Accounts) and <c>activities</c> (Tasks, Events, Calls);
/// tokens holding those names reach those modules' records and bulk jobs, and no other module's.
/// </summary>
public sealed class ModuleScopeTokenTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ScopedTokens Tokens { get; } = new(fixture.Server);

    [Theory]
    [InlineData("ZohoBigin.modules.companies.READ", "Accounts")]
    [InlineData("ZohoBigin.modules.companies.ALL", "Accounts")]
    [InlineData("ZohoBigin.modules.activities.READ", "Tasks")]
    [InlineData("ZohoBigin.modules.activities.READ", "Events")]
    [InlineData("ZohoBigin.modules.activities.ALL", "Calls")]
    public async Task A_bigin_module_scope_name_reads_its_modules_records(string scope, string module)
    {
        using var client = new BiginClient(fixture.Server, await Tokens.GetAsync(scope));

        var response = await client.GetAsync($"/bigin/v2/{module}");

        Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{scope} on {module}: {(int)response.Status} {response.Text}");
    }

    [Theory]
    [InlineData("ZohoBigin.modules.companies.READ", "Contacts")]
    [InlineData("ZohoBigin.modules.activities.READ", "Accounts")]
    [InlineData("ZohoBigin.modules.companies.CREATE", "Accounts")]
    public async Task A_bigin_module_scope_name_does_not_reach_other_modules_or_operations(string scope, string module)
    {
        using var client = new BiginClient(fixture.Server, await Tokens.GetAsync(scope));

        var response = await client.GetAsync($"/bigin/v2/{module}");

        response.AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
    }

    [Theory]
    [InlineData("/bigin/bulk/v1/read", "ZohoBigin.bulk.read,ZohoBigin.modules.companies.READ", "Accounts")]
    [InlineData("/bigin/bulk/v2/read", "ZohoBigin.bulk.READ,ZohoBigin.modules.activities.READ", "Tasks")]
    public async Task A_bulk_read_accepts_the_bigin_module_scope_name(string route, string scopes, string module)
    {
        using var client = new BiginClient(fixture.Server, await Tokens.GetAsync(scopes));

        var response = await client.PostJsonAsync(route, new JsonObject { ["query"] = new JsonObject { ["module"] = module } });

        response.AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_bulk_write_accepts_the_companies_scope_for_accounts()
    {
        var fileId = await fixture.Client.UploadCsvAsync("Account_Name\nScoped Co\n", "Accounts.csv");
        using var client = new BiginClient(fixture.Server, await Tokens.GetAsync("ZohoBigin.bulk.CREATE,ZohoBigin.modules.companies.CREATE"));

        var response = await client.PostJsonAsync("/bigin/bulk/v2/write", WriteJobs.Body(fileId, module: "Accounts"));

        response.AssertStatus(HttpStatusCode.Created);
    }
}
