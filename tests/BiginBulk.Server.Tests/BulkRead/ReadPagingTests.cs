using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>Pages of a server configured for 10 records a page, over 25 matching records.</summary>
public sealed class ReadPagingTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private BiginClient _client = null!;
    private IReadOnlyList<string> _ids = [];

    public async ValueTask InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["BiginBulk:Limits:ReadPageSize"] = "10" });
        _client = new BiginClient(_server);
        var csv = new StringBuilder("Last_Name,First_Name\n");
        for (var i = 0; i < 25; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Pager,P{i:00}\n");
        }

        // One record that the criteria leave out, so paging runs over the filtered set.
        csv.Append("Other,Skip\n");
        _ids = await _client.InsertAsync("Contacts", csv.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Pages_split_the_matching_records_without_overlap_or_gap()
    {
        var pages = new List<ReadRun>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await _client.RunReadAsync(Query(page)));
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Job["result"]!["count"]!.GetValue<int>()));
        Assert.Equal([true, true, false], pages.Select(p => p.Job["result"]!["more_records"]!.GetValue<bool>()));
        Assert.Equal([1, 2, 3], pages.Select(p => p.Job["result"]!["page"]!.GetValue<int>()));
        Assert.All(pages, p => Assert.Equal(10, p.Job["result"]!["per_page"]!.GetValue<int>()));
        Assert.Equal([10, 10, 5], pages.Select(p => p.Ids.Count));
        var all = pages.SelectMany(p => p.Ids).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(_ids.Take(25).Order(), all.Order());
        Assert.All(pages.SelectMany(p => p.Column("Last_Name")), name => Assert.Equal("Pager", name));
    }

    [Fact]
    public async Task The_same_page_exports_the_same_records_in_the_same_order()
    {
        var first = await _client.RunReadAsync(Query(2));
        var again = await _client.RunReadAsync(Query(2));

        Assert.Equal(10, first.Ids.Count);
        Assert.Equal(first.Ids, again.Ids);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_with_no_more_records()
    {
        var run = await _client.RunReadAsync(Query(4));

        Assert.Equal(0, run.Job["result"]!["count"]!.GetValue<int>());
        Assert.False(run.Job["result"]!["more_records"]!.GetValue<bool>());
        Assert.Equal(["Last_Name", "id"], run.Csv.Header);
        Assert.Empty(run.Csv.Rows);
    }

    [Fact]
    public async Task Exactly_a_full_last_page_has_no_more_records()
    {
        var query = new JsonObject
        {
            ["module"] = "Contacts",
            ["fields"] = new JsonArray("Last_Name"),
            ["criteria"] = JsonNode.Parse("""{"api_name":"First_Name","comparator":"in","value":["P00","P01","P02","P03","P04","P05","P06","P07","P08","P09"]}"""),
        };

        var run = await _client.RunReadAsync(query);

        Assert.Equal(10, run.Job["result"]!["count"]!.GetValue<int>());
        Assert.False(run.Job["result"]!["more_records"]!.GetValue<bool>());
    }

    private static JsonObject Query(int page) => new()
    {
        ["module"] = "Contacts",
        ["fields"] = new JsonArray("Last_Name"),
        ["criteria"] = JsonNode.Parse("""{"api_name":"Last_Name","comparator":"equal","value":"Pager"}"""),
        ["page"] = page,
    };
}
