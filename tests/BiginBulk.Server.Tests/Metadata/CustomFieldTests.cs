using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Metadata;

public sealed class CustomFieldTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Custom_field_added_through_the_api_flows_through_write_read_and_metadata()
    {
        var created = await Client.PostJsonAsync("/biginbulk/v1/settings/fields?module=Contacts",
            """{"api_name":"Lead_Score","field_label":"Lead Score","data_type":"integer"}""");
        created.AssertStatus(HttpStatusCode.Created);
        Assert.True(created.Json["fields"]![0]!["custom_field"]!.GetValue<bool>());

        var fields = await Client.GetAsync("/bigin/v2/settings/fields?module=Contacts");
        var score = fields.Json["fields"]!.AsArray().Single(f => f!["api_name"]!.GetValue<string>() == "Lead_Score")!;
        Assert.Equal("integer", score["data_type"]!.GetValue<string>());
        Assert.True(score["custom_field"]!.GetValue<bool>());

        var run = await Client.RunWriteAsync("Last_Name,Email,Lead_Score\nScored,scored@cf.test,42\nBad,bad@cf.test,forty\n");
        Assert.Equal(["ADDED", "SKIPPED"], run.Result.Statuses);
        Assert.Equal("INVALID_DATA-Lead_Score", run.Result.Cell(1, "ERRORS"));
        var record = await Client.GetAsync($"/bigin/v2/Contacts/{run.Result.Cell(0, "RECORD_ID")}?fields=Lead_Score");
        Assert.Equal(42, record.Json["data"]![0]!["Lead_Score"]!.GetValue<int>());

        var read = await Client.RunReadAsync(new JsonObject
        {
            ["module"] = "Contacts",
            ["fields"] = new JsonArray("Last_Name", "Lead_Score"),
            ["criteria"] = new JsonObject { ["api_name"] = "Lead_Score", ["comparator"] = "greater_than", ["value"] = 40 },
        });
        Assert.Equal(["Last_Name", "Lead_Score", "id"], read.Csv.Header);
        Assert.Equal([run.Result.Cell(0, "RECORD_ID")], read.Ids);
        Assert.Equal(["42"], read.Column("Lead_Score"));
    }

    [Fact]
    public async Task Removing_a_custom_field_keeps_every_other_value()
    {
        await AddAsync("Products", """{"api_name":"Shelf","data_type":"text","length":20}""");
        await AddAsync("Products", """{"api_name":"Colour","data_type":"picklist","pick_list_values":["Red","Blue"]}""");
        var run = await Client.RunWriteAsync("Product_Name,Unit_Price,Shelf,Colour\nKeepme,12.50,A3,blue\n", module: "Products", fileName: "Products.csv");
        var id = run.Result.Cell(0, "RECORD_ID");
        Assert.Equal("ADDED", run.Result.Cell(0, "STATUS"));

        var deleted = await Client.SendAsync(HttpMethod.Delete, "/biginbulk/v1/settings/fields/Shelf?module=Products");
        deleted.AssertStatus(HttpStatusCode.NoContent);

        var record = (await Client.GetAsync($"/bigin/v2/Products/{id}")).Json["data"]![0]!;
        Assert.Null(record["Shelf"]);
        Assert.Equal("Keepme", record["Product_Name"]!.GetValue<string>());
        Assert.Equal(12.5m, record["Unit_Price"]!.GetValue<decimal>());
        Assert.Equal("Blue", record["Colour"]!.GetValue<string>());
        (await Client.GetAsync($"/bigin/v2/Products/{id}?fields=Shelf")).AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
        (await Client.SendAsync(HttpMethod.Delete, "/biginbulk/v1/settings/fields/Shelf?module=Products")).AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        (await Client.SendAsync(HttpMethod.Delete, "/biginbulk/v1/settings/fields/Product_Name?module=Products")).AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Custom_lookup_and_unique_fields_behave_like_standard_ones()
    {
        await AddAsync("Calls", """{"api_name":"Company","data_type":"lookup","lookup":{"module":{"api_name":"Accounts"}}}""");
        await AddAsync("Accounts", """{"api_name":"Tax_Number","data_type":"text","length":30,"unique":true}""");
        var accounts = await Client.RunWriteAsync("Account_Name,Tax_Number\nLooked Up Ltd,TX-1\nCopy Ltd,tx-1\n", module: "Accounts", fileName: "Accounts.csv");
        Assert.Equal(["ADDED", "SKIPPED"], accounts.Result.Statuses);
        Assert.Equal("DUPLICATE_DATA-Tax_Number", accounts.Result.Cell(1, "ERRORS"));

        var calls = await Client.RunWriteAsync(
            "Subject,Call_Type,Call_Start_Time,Call_Duration,Company.Account_Name\nHello,Outbound,03/01/2026 10:00:00,05:00,Looked Up Ltd\n",
            module: "Calls", fileName: "Calls.csv");
        Assert.Equal("ADDED", calls.Result.Cell(0, "STATUS"));
        var call = (await Client.GetAsync($"/bigin/v2/Calls/{calls.Result.Cell(0, "RECORD_ID")}?fields=Company")).Json["data"]![0]!;
        Assert.Equal(accounts.Result.Cell(0, "RECORD_ID"), call["Company"]!["id"]!.GetValue<string>());
        Assert.Equal("Looked Up Ltd", call["Company"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"api_name":"Email","data_type":"text"}""")]
    [InlineData("""{"api_name":"1bad","data_type":"text"}""")]
    [InlineData("""{"api_name":"Weird","data_type":"ownerlookup"}""")]
    [InlineData("""{"api_name":"Choice","data_type":"picklist"}""")]
    [InlineData("""{"api_name":"Longer","data_type":"text","length":100000}""")]
    [InlineData("""{"api_name":"Link","data_type":"lookup","lookup":{"module":"Leads"}}""")]
    public async Task Invalid_custom_fields_are_refused_with_a_reason(string body)
    {
        var response = await Client.PostJsonAsync("/biginbulk/v1/settings/fields?module=Contacts", body);
        response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }

    [Fact]
    public async Task Custom_field_added_with_the_admin_tool_is_seen_by_the_running_server()
    {
        await AdminTool.RunJsonAsync(fixture.Server, "field", "create", "--org", Client.OrgId, "--module", "Tasks",
            "--api-name", "Effort", "--type", "decimal", "--decimal-places", "1", "--length", "5");
        var run = await Client.RunWriteAsync("Subject,Effort\nEstimate,2.25\n", module: "Tasks", fileName: "Tasks.csv");
        var task = (await Client.GetAsync($"/bigin/v2/Tasks/{run.Result.Cell(0, "RECORD_ID")}?fields=Effort")).Json["data"]![0]!;
        Assert.Equal(2.2m, task["Effort"]!.GetValue<decimal>());

        var listed = await AdminTool.RunJsonAsync(fixture.Server, "field", "list", "--org", Client.OrgId, "--module", "Tasks");
        Assert.Contains(listed.AsArray(), f => f!["api_name"]!.GetValue<string>() == "Effort");
        await AdminTool.RunJsonAsync(fixture.Server, "field", "delete", "--org", Client.OrgId, "--module", "Tasks", "--api-name", "Effort");
        var fields = await Client.GetAsync("/bigin/v2/settings/fields?module=Tasks");
        Assert.DoesNotContain(fields.Json["fields"]!.AsArray(), f => f!["api_name"]!.GetValue<string>() == "Effort");
    }

    private async Task AddAsync(string module, string body) =>
        (await Client.PostJsonAsync($"/biginbulk/v1/settings/fields?module={module}", body)).AssertStatus(HttpStatusCode.Created);
}
