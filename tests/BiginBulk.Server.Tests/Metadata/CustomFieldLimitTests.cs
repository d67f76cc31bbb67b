using System.Globalization;
using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Metadata;

/// <summary>
/// Custom fields stop at a documented cap that holds on every store (a column each, well below SQLite's and
/// PostgreSQL's ceilings), and names the databases keep for their own columns are refused, not a 500.
/// </summary>
public sealed class CustomFieldLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("xmin")]
    [InlineData("ctid")]
    [InlineData("xmax")]
    [InlineData("cmin")]
    [InlineData("cmax")]
    [InlineData("tableoid")]
    [InlineData("oid")]
    [InlineData("rowid")]
    [InlineData("ROWID")]
    [InlineData("Id")]
    public async Task A_custom_field_named_like_a_system_column_is_refused(string apiName)
    {
        var client = fixture.Client;

        var response = await client.PostJsonAsync("/biginbulk/v1/settings/fields?module=Contacts", $$"""{"api_name":"{{apiName}}","data_type":"text"}""");

        var error = response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
        Assert.Contains("reserved", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        (await client.GetAsync("/bigin/v2/settings/fields?module=Contacts")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_501st_custom_field_of_a_module_is_refused_with_the_limit_and_the_500_before_it_work()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new BiginClient(server);
        for (var i = 1; i <= 500; i++)
        {
            var type = (i % 4) switch { 0 => "text", 1 => "integer", 2 => "decimal", _ => "boolean" };
            var added = await client.PostJsonAsync("/biginbulk/v1/settings/fields?module=Products", $$"""{"api_name":"F{{i.ToString(CultureInfo.InvariantCulture)}}","data_type":"{{type}}"}""");
            added.AssertStatus(HttpStatusCode.Created);
        }

        var refused = await client.PostJsonAsync("/biginbulk/v1/settings/fields?module=Products", """{"api_name":"F501","data_type":"text"}""");

        var error = refused.AssertError(HttpStatusCode.BadRequest, "LIMIT_EXCEEDED");
        Assert.Equal(500, error["details"]!["max_limit"]!.GetValue<int>());
        var run = await client.RunWriteAsync("Product_Name,F1,F2,F500\nWide,7,1.5,last\n", module: "Products", fileName: "Products.csv");
        Assert.Equal(["ADDED"], run.Result.Statuses);
        var fields = await client.GetAsync("/bigin/v2/settings/fields?module=Products");
        fields.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(500, fields.Json["fields"]!.AsArray().Count(f => f!["custom_field"]!.GetValue<bool>()));
    }
}
