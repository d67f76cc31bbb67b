using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

public sealed class MappingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Explicit_indexes_map_columns_in_any_order_and_ignore_unmapped_columns()
    {
        var tag = WriteJobs.NewTag();
        // Column headers are deliberately not field names: the mapping alone decides.
        var csv = $"Notes,Mail,Surname,Given\nignored-1,{tag}.a@example.com,{tag}-a,Ann\nignored-2,{tag}.b@example.com,{tag}-b,Bob\n";
        var mappings = new JsonArray(
            WriteJobs.Map("Last_Name", 2),
            WriteJobs.Map("Email", 1),
            WriteJobs.Map("First_Name", 3));

        var run = await Client.WriteAsync(csv, mappings: mappings);

        run.AssertCounts(added: 2, updated: 0, skipped: 0);
        // The first three mapped columns, in mapping order, under their file headers.
        Assert.Equal(["Surname", "Mail", "Given", "STATUS", "RECORD_ID", "ERRORS"], run.Result.Header);
        Assert.Equal([$"{tag}-a", $"{tag}.a@example.com", "Ann"], run.Result.Rows[0].Take(3));
        var record = await Client.GetRecordAsync("Contacts", run.AssertRow(1, "ADDED"));
        Assert.Equal($"{tag}-b", record.Text("Last_Name"));
        Assert.Equal("Bob", record.Text("First_Name"));
        Assert.Equal($"{tag}.b@example.com", record.Text("Email"));
        Assert.Null(record.Text("Description"));
        Assert.Null(record.Text("Title"));
    }

    [Fact]
    public async Task Default_value_fills_empty_cells_and_unmapped_fields()
    {
        var tag = WriteJobs.NewTag();
        var csv = $"Last_Name,Lead_Source\n{tag}-a,\n{tag}-b,Partner\n{tag}-c,   \n";
        var mappings = new JsonArray(
            WriteJobs.Map("Last_Name", 0),
            WriteJobs.Map("Lead_Source", 1, defaultValue: "Trade Show"),
            WriteJobs.Map("Title", defaultValue: "Imported"));

        var run = await Client.WriteAsync(csv, mappings: mappings);

        run.AssertCounts(added: 3, updated: 0, skipped: 0);
        var a = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        var b = await Client.GetRecordAsync("Contacts", run.AssertRow(1, "ADDED"));
        var c = await Client.GetRecordAsync("Contacts", run.AssertRow(2, "ADDED"));
        Assert.Equal("Trade Show", a.Text("Lead_Source"));
        Assert.Equal("Partner", b.Text("Lead_Source"));
        Assert.Equal("Trade Show", c.Text("Lead_Source"));
        Assert.All([a, b, c], r => Assert.Equal("Imported", r.Text("Title")));
    }

    [Fact]
    public async Task Default_value_supplies_a_mandatory_field_with_no_column()
    {
        var tag = WriteJobs.NewTag();
        var mappings = new JsonArray(WriteJobs.Map("Email", 0), WriteJobs.Map("Last_Name", defaultValue: $"{tag}-default"));

        var run = await Client.WriteAsync($"Email\n{tag}@example.com\n", mappings: mappings);

        run.AssertCounts(added: 1, updated: 0, skipped: 0);
        Assert.Equal(["Email", "STATUS", "RECORD_ID", "ERRORS"], run.Result.Header);
        var record = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal($"{tag}-default", record.Text("Last_Name"));
    }

    [Fact]
    public async Task Invalid_default_value_skips_the_rows_that_use_it()
    {
        var tag = WriteJobs.NewTag();
        var mappings = new JsonArray(WriteJobs.Map("Last_Name", 0), WriteJobs.Map("Lead_Source", 1, defaultValue: "Not A Source"));

        var run = await Client.WriteAsync($"Last_Name,Lead_Source\n{tag}-a,\n{tag}-b,Chat\n", mappings: mappings);

        run.AssertCounts(added: 1, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "INVALID_DATA-Lead_Source");
        run.AssertRow(1, "ADDED");
    }

    [Fact]
    public async Task Result_echoes_only_the_first_three_mapped_columns()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"First_Name,Last_Name,Title,Email,Phone\nA,{tag},T,{tag}@example.com,555\n");

        run.AssertCounts(added: 1, updated: 0, skipped: 0);
        Assert.Equal(["First_Name", "Last_Name", "Title", "STATUS", "RECORD_ID", "ERRORS"], run.Result.Header);
        Assert.Equal(["A", tag, "T", "ADDED"], run.Result.Rows[0].Take(4));
    }
}
