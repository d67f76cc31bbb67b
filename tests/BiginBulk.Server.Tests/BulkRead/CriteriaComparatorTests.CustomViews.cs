using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>Exports through a custom view: the view's criteria ANDed with the request's.</summary>
public sealed partial class CriteriaComparatorTests
{
    [Fact]
    public async Task A_cvid_alone_exports_the_views_records()
    {
        var cvid = await CreateViewAsync("Contacts", "Parisians", """{"api_name":"Mailing_City","comparator":"equal","value":"paris"}""");

        var names = await data.Client.ExportColumnAsync("Contacts", "Last_Name", criteria: null, cvid: cvid);

        Assert.Equal(["Smith", "smithers"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_cvid_with_criteria_exports_records_matching_both()
    {
        var cvid = await CreateViewAsync("Contacts", "Parisians opted in",
            """{"group_operator":"or","group":[{"api_name":"Mailing_City","comparator":"equal","value":"Paris"},{"api_name":"Mailing_City","comparator":"equal","value":"Berlin"}]}""");

        var names = await data.Client.ExportColumnAsync("Contacts", "Last_Name",
            JsonNode.Parse("""{"group_operator":"or","group":[{"api_name":"Email_Opt_Out","comparator":"equal","value":false},{"api_name":"Account_Name","comparator":"equal","value":"${EMPTY}"}]}"""), cvid);

        // View: Smith, smithers, Jones. Request: smithers, Jones, O'Brien. Both: smithers, Jones.
        Assert.Equal(["Jones", "smithers"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_all_records_view_adds_no_filter()
    {
        var views = await data.Client.GetAsync("/bigin/v2/settings/custom_views?module=Products");
        views.AssertStatus(HttpStatusCode.OK);
        var cvid = long.Parse(views.Json["custom_views"]!.AsArray().Single(v => v!["system_defined"]!.GetValue<bool>())!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        var names = await data.Client.ExportColumnAsync("Products", "Product_Name",
            JsonNode.Parse("""{"api_name":"Qty_in_Stock","comparator":"greater_than","value":1}"""), cvid);

        Assert.Equal(["Alpha", "Delta"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_created_view_is_listed_with_its_criteria()
    {
        var cvid = await CreateViewAsync("Pipelines", "Big deals", """{"api_name":"Amount","comparator":"greater_than","value":2000}""");

        var views = await data.Client.GetAsync("/bigin/v2/settings/custom_views?module=Pipelines");

        views.AssertStatus(HttpStatusCode.OK);
        var view = views.Json["custom_views"]!.AsArray().Single(v => v!["id"]!.GetValue<string>() == cvid.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Equal("Big deals", view["name"]!.GetValue<string>());
        Assert.Equal(["Deal2"], await data.Client.ExportColumnAsync("Pipelines", "Deal_Name", null, cvid));
    }

    [Fact]
    public async Task A_view_with_invalid_criteria_is_refused_when_created()
    {
        var response = await data.Client.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Contacts",
            """{"name":"Broken","criteria":{"api_name":"Shoe_Size","comparator":"equal","value":"9"}}""");

        var error = response.AssertError(HttpStatusCode.BadRequest, "INVALID_CRITERIA");
        Assert.Equal("Shoe_Size", error["details"]!["api_name"]!.GetValue<string>());
    }

    private async Task<long> CreateViewAsync(string module, string name, string criteria)
    {
        var body = new JsonObject { ["name"] = name, ["criteria"] = JsonNode.Parse(criteria) };
        var response = await data.Client.PostJsonAsync($"/biginbulk/v1/settings/custom_views?module={module}", body);
        response.AssertStatus(HttpStatusCode.Created);
        return long.Parse(response.Json["custom_views"]![0]!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
