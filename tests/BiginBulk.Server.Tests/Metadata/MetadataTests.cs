using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Metadata;

public sealed class MetadataTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Modules_lists_the_seven_bigin_modules()
    {
        var response = await Client.GetAsync("/bigin/v2/settings/modules");
        response.AssertStatus(HttpStatusCode.OK);
        var names = response.Json["modules"]!.AsArray().Select(m => m!["api_name"]!.GetValue<string>());
        Assert.Equal(["Contacts", "Accounts", "Pipelines", "Products", "Tasks", "Events", "Calls"], names);
        Assert.All(response.Json["modules"]!.AsArray(), m => Assert.Matches("^[0-9]{18,19}$", m!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Fields_of_contacts_have_zohos_keys_and_flags()
    {
        var response = await Client.GetAsync("/bigin/v2/settings/fields?module=Contacts");
        response.AssertStatus(HttpStatusCode.OK);
        var fields = response.Json["fields"]!.AsArray().ToDictionary(f => f!["api_name"]!.GetValue<string>(), f => f!);

        Assert.True(fields["Last_Name"]["system_mandatory"]!.GetValue<bool>());
        Assert.Equal("text", fields["Last_Name"]["data_type"]!.GetValue<string>());
        Assert.Equal(80, fields["Last_Name"]["length"]!.GetValue<int>());
        Assert.Equal("0", fields["Email"]["unique"]!["casesensitive"]!.GetValue<string>());
        Assert.Empty(fields["Last_Name"]["unique"]!.AsObject());
        Assert.Equal("lookup", fields["Account_Name"]["data_type"]!.GetValue<string>());
        Assert.Equal("Accounts", fields["Account_Name"]["lookup"]!["module"]!["api_name"]!.GetValue<string>());
        Assert.Equal("ownerlookup", fields["Owner"]["data_type"]!.GetValue<string>());
        Assert.False(fields["Email"]["custom_field"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Picklist_fields_list_their_values_in_order()
    {
        var response = await Client.GetAsync("/bigin/v2/settings/fields?module=Deals");
        var stage = response.Json["fields"]!.AsArray().Single(f => f!["api_name"]!.GetValue<string>() == "Stage")!;
        var values = stage["pick_list_values"]!.AsArray().Select(v => v!["actual_value"]!.GetValue<string>()).ToList();
        Assert.Equal("Qualification", values[0]);
        Assert.Contains("Closed Won", values);
        Assert.Equal(Enumerable.Range(1, values.Count), stage["pick_list_values"]!.AsArray().Select(v => v!["sequence_number"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Fields_of_an_unknown_module_is_invalid_module()
    {
        (await Client.GetAsync("/bigin/v2/settings/fields?module=Leads")).AssertError(HttpStatusCode.BadRequest, "INVALID_MODULE");
        (await Client.GetAsync("/bigin/v2/settings/fields")).AssertError(HttpStatusCode.BadRequest, "INVALID_MODULE");
    }
}
