using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Metadata;

/// <summary>
/// The metadata and record reads on the CRM path family, which Zoho's SDKs call before (and instead of) the
/// Bigin paths: without <c>/crm/v8/settings/fields</c> they never send the records request.
/// </summary>
public sealed class CrmMetadataTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("v8")]
    [InlineData("v2")]
    public async Task Settings_fields_modules_and_layouts_answer_on_the_crm_paths_as_on_bigin(string version)
    {
        var bigin = await Client.GetAsync("/bigin/v2/settings/fields?module=Contacts");
        var crm = await Client.GetAsync($"/crm/{version}/settings/fields?module=Contacts");
        crm.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(bigin.Text, crm.Text);
        Assert.Contains(crm.Json["fields"]!.AsArray(), f => f!["api_name"]!.GetValue<string>() == "Last_Name" && f["system_mandatory"]!.GetValue<bool>());

        var modules = await Client.GetAsync($"/crm/{version}/settings/modules");
        modules.AssertStatus(HttpStatusCode.OK);
        Assert.Contains(modules.Json["modules"]!.AsArray(), m => m!["api_name"]!.GetValue<string>() == "Contacts");

        var layouts = await Client.GetAsync($"/crm/{version}/settings/layouts?module=Contacts");
        layouts.AssertStatus(HttpStatusCode.OK);
        var layout = Assert.Single(layouts.Json["layouts"]!.AsArray())!;
        Assert.Equal("Standard", layout["name"]!.GetValue<string>());
        Assert.Matches("^[0-9]{18,19}$", layout["id"]!.GetValue<string>());
        var fields = layout["sections"]![0]!["fields"]!.AsArray().Select(f => f!["api_name"]!.GetValue<string>()).ToList();
        Assert.Equal(bigin.Json["fields"]!.AsArray().Select(f => f!["api_name"]!.GetValue<string>()), fields);

        (await Client.GetAsync($"/crm/{version}/settings/layouts?module=Nope")).AssertError(HttpStatusCode.BadRequest, "INVALID_MODULE");
    }

    [Fact]
    public async Task Records_read_on_the_crm_path_are_the_bigin_records()
    {
        var run = await Client.RunWriteAsync("Last_Name,Email\nCrmpath,crmpath@example.com\n");
        var id = run.Result.Cell(0, "RECORD_ID");

        var one = await Client.GetAsync($"/crm/v8/Contacts/{id}?fields=Last_Name,Email");
        one.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Crmpath", one.Json["data"]![0]!["Last_Name"]!.GetValue<string>());
        Assert.Equal((await Client.GetAsync($"/bigin/v2/Contacts/{id}")).Text, (await Client.GetAsync($"/crm/v8/Contacts/{id}")).Text);
        var list = await Client.GetAsync("/crm/v8/Contacts?fields=Email");
        Assert.Contains(list.Json["data"]!.AsArray(), r => r!["id"]!.GetValue<string>() == id);
        (await Client.GetAsync("/crm/v8/Nope")).AssertError(HttpStatusCode.BadRequest, "INVALID_MODULE");
    }

    [Fact]
    public async Task Layouts_need_a_settings_scope()
    {
        using var client = new BiginClient(fixture.Server, await ScopedTokens.MintAsync(fixture.Server, "ZohoCRM.modules.ALL", fixture.Server.Credentials.ClientId));
        var error = (await client.GetAsync("/crm/v8/settings/layouts?module=Contacts")).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
        Assert.Equal("ZohoBigin.settings.layouts.READ", error["details"]!["required_scope"]!.GetValue<string>());
    }
}
