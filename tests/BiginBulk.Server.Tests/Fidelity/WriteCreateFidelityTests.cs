using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Fidelity;

/// <summary>
/// Create-bulk-write-job details checked against Zoho's pages: the missing-file_id answer, default_value with
/// and without index, ignore_empty, and a date that does not match its mapping's format (a row-level
/// INVALID_DATA, the result file's code for bad values; INVALID_FORMAT is the create-time answer to a bad format).
/// </summary>
public sealed class WriteCreateFidelityTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("/bigin/bulk/v2/write")]
    [InlineData("/crm/bulk/v2/write")]
    [InlineData("/crm/bulk/v8/write")]
    public async Task A_resource_without_file_id_gets_zohos_message(string route)
    {
        var response = await Client.PostJsonAsync(route, new JsonObject
        {
            ["operation"] = "insert",
            ["resource"] = new JsonArray(new JsonObject { ["type"] = "data", ["module"] = "Contacts" }),
        });

        var json = response.AssertError(HttpStatusCode.BadRequest, "MISSING_REQUIRED_KEY");
        Assert.Equal("required key fileid is not found in request body.", json["message"]!.GetValue<string>());
        Assert.Equal("$.resource[0].file_id", json["details"]!["json_path"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_default_value_with_an_index_fills_only_the_empty_cells_of_its_column()
    {
        var mappings = new JsonArray(
            new JsonObject { ["api_name"] = "Last_Name", ["index"] = 0 },
            new JsonObject { ["api_name"] = "Title", ["index"] = 1, ["default_value"] = new JsonObject { ["value"] = "Trade Show" } });

        var run = await Client.RunWriteAsync("Last_Name,Title\nDefIdxA,\nDefIdxB,Chief\n", mappings: mappings);

        Assert.Equal(["ADDED", "ADDED"], run.Result.Statuses);
        var titles = await TitlesAsync("DefIdx");
        Assert.Equal("Trade Show", titles["DefIdxA"]);
        Assert.Equal("Chief", titles["DefIdxB"]);
    }

    [Fact]
    public async Task A_default_value_without_an_index_is_the_value_of_every_row()
    {
        var mappings = new JsonArray(
            new JsonObject { ["api_name"] = "Last_Name", ["index"] = 0 },
            new JsonObject { ["api_name"] = "Title", ["default_value"] = new JsonObject { ["value"] = "Everyone" } });

        var run = await Client.RunWriteAsync("Last_Name,Title\nDefAllA,\nDefAllB,Ignored\n", mappings: mappings);

        Assert.Equal(["ADDED", "ADDED"], run.Result.Statuses);
        var titles = await TitlesAsync("DefAll");
        Assert.Equal("Everyone", titles["DefAllA"]);
        Assert.Equal("Everyone", titles["DefAllB"]);
    }

    [Theory]
    [InlineData(true, "Kept")]
    [InlineData(false, null)]
    public async Task Ignore_empty_keeps_or_clears_a_field_on_update(bool ignoreEmpty, string? expected)
    {
        var name = $"Ignore{ignoreEmpty}";
        var ids = await Client.InsertAsync("Contacts", $"Last_Name,Title\n{name},Kept\n");

        var run = await Client.RunWriteAsync($"Id,Last_Name,Title\n{ids[0]},{name},\n", operation: "update", findBy: "Id", ignoreEmpty: ignoreEmpty);

        Assert.Equal(["UPDATED"], run.Result.Statuses);
        var titles = await TitlesAsync(name);
        Assert.Equal(expected, titles[name]);
    }

    [Fact]
    public async Task A_date_that_does_not_match_its_format_skips_the_row_with_invalid_data()
    {
        var mappings = new JsonArray(
            new JsonObject { ["api_name"] = "Last_Name", ["index"] = 0 },
            new JsonObject { ["api_name"] = "Date_of_Birth", ["index"] = 1, ["format"] = "yyyy/MM/dd" });

        var run = await Client.RunWriteAsync("Last_Name,Born\nFmtGood,1990/12/31\nFmtBad,31-12-1990\n", mappings: mappings);

        Assert.Equal(["ADDED", "SKIPPED"], run.Result.Statuses);
        Assert.Equal("INVALID_DATA-Born", run.Result.Cell(1, "ERRORS"));
    }

    [Fact]
    public async Task A_bad_format_pattern_is_refused_at_create_time_with_invalid_format()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Born\nX,1990/12/31\n");
        var mappings = new JsonArray(
            new JsonObject { ["api_name"] = "Last_Name", ["index"] = 0 },
            new JsonObject { ["api_name"] = "Date_of_Birth", ["index"] = 1, ["format"] = "not a pattern" });

        var response = await Client.PostJsonAsync("/bigin/bulk/v2/write", WriteJobs.Body(fileId, mappings: mappings));

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_FORMAT");
    }

    private async Task<Dictionary<string, string?>> TitlesAsync(string prefix) =>
        (await Client.ListRecordsAsync("Contacts", "Last_Name,Title"))
            .Where(r => r.Text("Last_Name")!.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(r => r.Text("Last_Name")!, r => r.Text("Title"), StringComparer.Ordinal);
}
