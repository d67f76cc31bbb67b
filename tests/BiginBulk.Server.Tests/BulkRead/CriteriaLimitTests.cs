using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>
/// Whatever criteria are accepted can be run and read back: groups nested past what the echo can hold are
/// refused at create time, and in lists longer than a store's bound-variable limit still run.
/// </summary>
public sealed class CriteriaLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Condition = """{"api_name":"Last_Name","comparator":"equal","value":"Nobody"}""";

    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task A_bulk_read_with_criteria_nested_30_groups_deep_is_refused_when_created()
    {
        var response = await Client.PostJsonAsync("/bigin/bulk/v2/read", Query(Nested(30)));

        var error = response.AssertError(HttpStatusCode.BadRequest, "CRITERIA_LIMIT_EXCEEDED");
        Assert.Equal(25, error["details"]!["max_limit"]!.GetValue<int>());
        Assert.Equal("$.query.criteria", error["details"]!["json_path"]!.GetValue<string>());
        Assert.Contains("nests groups 30 deep", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_read_with_criteria_nested_25_groups_deep_completes_and_its_details_echo_the_whole_tree()
    {
        var criteria = Nested(25);
        var jobId = await Client.CreateReadJobAsync(Query(criteria));

        var job = await Client.WaitForReadJobAsync(jobId);

        Assert.Equal("COMPLETED", job["state"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(criteria, job["query"]!["criteria"]), $"criteria echo differs: {job["query"]!["criteria"]!.ToJsonString()}");
        var again = await Client.GetAsync($"/bigin/bulk/v2/read/{jobId}");
        again.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_custom_view_nested_31_groups_deep_is_refused_and_listing_views_still_answers()
    {
        var body = new JsonObject { ["name"] = "Deep", ["criteria"] = Nested(31) };

        var response = await Client.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Contacts", body);

        response.AssertError(HttpStatusCode.BadRequest, "CRITERIA_LIMIT_EXCEEDED");
        var views = await Client.GetAsync("/bigin/v2/settings/custom_views?module=Contacts");
        views.AssertStatus(HttpStatusCode.OK);
        Assert.DoesNotContain(views.Json["custom_views"]!.AsArray(), v => v!["name"]!.GetValue<string>() == "Deep");
    }

    [Fact]
    public async Task A_custom_view_nested_25_groups_deep_is_stored_and_listed_with_its_criteria()
    {
        var name = "Deep-" + WriteJobs.NewTag();
        var criteria = Nested(25);
        var response = await Client.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Contacts", new JsonObject { ["name"] = name, ["criteria"] = criteria.DeepClone() });
        response.AssertStatus(HttpStatusCode.Created);

        var views = await Client.GetAsync("/bigin/v2/settings/custom_views?module=Contacts");

        views.AssertStatus(HttpStatusCode.OK);
        var view = views.Json["custom_views"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == name)!;
        Assert.True(JsonNode.DeepEquals(criteria, view["criteria"]));
    }

    [Fact]
    public async Task An_in_list_of_70000_values_runs_and_matches_case_insensitively()
    {
        var tag = WriteJobs.NewTag();
        await Client.WriteAsync($"Last_Name\n{tag}-a\n{tag}-b\n{tag}-c\n");
        var values = new JsonArray([.. Enumerable.Range(0, 70_000).Select(i => (JsonNode)("n" + i.ToString(CultureInfo.InvariantCulture)))]);
        values.Add($"{tag}-A".ToUpperInvariant());
        values.Add($"{tag}-c");

        var names = await Client.ExportColumnAsync("Contacts", "Last_Name", new JsonObject { ["api_name"] = "Last_Name", ["comparator"] = "in", ["value"] = values });

        Assert.Equal([$"{tag}-a", $"{tag}-c"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_not_in_list_of_70000_values_runs_and_leaves_out_exactly_those_values()
    {
        var tag = WriteJobs.NewTag();
        await Client.WriteAsync($"Last_Name\n{tag}-a\n{tag}-b\n{tag}-c\n");
        var values = new JsonArray([.. Enumerable.Range(0, 70_000).Select(i => (JsonNode)("n" + i.ToString(CultureInfo.InvariantCulture)))]);
        values.Add($"{tag}-B".ToUpperInvariant());
        var criteria = new JsonObject
        {
            ["group_operator"] = "and",
            ["group"] = new JsonArray(
                new JsonObject { ["api_name"] = "Last_Name", ["comparator"] = "starts_with", ["value"] = tag },
                new JsonObject { ["api_name"] = "Last_Name", ["comparator"] = "not_in", ["value"] = values }),
        };

        var names = await Client.ExportColumnAsync("Contacts", "Last_Name", criteria);

        Assert.Equal([$"{tag}-a", $"{tag}-c"], names.Order(StringComparer.Ordinal));
    }

    private static JsonObject Query(JsonNode criteria) => new()
    {
        ["query"] = new JsonObject { ["module"] = new JsonObject { ["api_name"] = "Contacts" }, ["fields"] = new JsonArray("Last_Name"), ["criteria"] = criteria.DeepClone() },
    };

    /// <summary>One condition inside <paramref name="depth"/> one-element groups.</summary>
    private static JsonObject Nested(int depth)
    {
        var node = JsonNode.Parse(Condition)!.AsObject();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["group"] = new JsonArray(node), ["group_operator"] = "and" };
        }

        return node;
    }
}
