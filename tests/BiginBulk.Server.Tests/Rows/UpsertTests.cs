using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

public sealed class UpsertTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Upsert_updates_matching_records_and_creates_the_rest()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name,Email,Title\n{tag}-old,{tag}.old@example.com,Old\n");
        var existing = seed.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync(
            $"Email,Last_Name,Title\n{tag}.new@example.com,{tag}-new,Fresh\n{tag}.OLD@example.com,{tag}-old2,Changed\n",
            operation: "upsert", findBy: "Email");

        run.AssertCounts(added: 1, updated: 1, skipped: 0);
        var created = run.AssertRow(0, "ADDED");
        Assert.Equal(existing, run.AssertRow(1, "UPDATED"));
        Assert.NotEqual(existing, created);
        var updated = await Client.GetRecordAsync("Contacts", existing);
        Assert.Equal($"{tag}-old2", updated.Text("Last_Name"));
        Assert.Equal("Changed", updated.Text("Title"));
        Assert.Equal($"{tag}.OLD@example.com", updated.Text("Email"));
        var fresh = await Client.GetRecordAsync("Contacts", created);
        Assert.Equal($"{tag}.new@example.com", fresh.Text("Email"));
        Assert.Equal(2, (await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag)).Count);
    }

    [Fact]
    public async Task Upsert_with_the_same_key_twice_in_one_file_adds_then_updates_the_same_record()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Email,Last_Name,Title\n{tag}@example.com,{tag},First\n{tag}@EXAMPLE.com,{tag},Second\n",
            operation: "upsert", findBy: "Email");

        run.AssertCounts(added: 1, updated: 1, skipped: 0);
        var id = run.AssertRow(0, "ADDED");
        Assert.Equal(id, run.AssertRow(1, "UPDATED"));
        var records = await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag);
        Assert.Single(records);
        Assert.Equal("Second", records[0].Text("Title"));
    }

    [Fact]
    public async Task Upsert_by_Id_updates_a_known_id_and_creates_a_row_without_one()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name\n{tag}-a\n");
        var id = seed.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Id,Last_Name\n{id},{tag}-a2\n,{tag}-b\n", operation: "upsert", findBy: "Id");

        run.AssertCounts(added: 1, updated: 1, skipped: 0);
        Assert.Equal(id, run.AssertRow(0, "UPDATED"));
        var created = run.AssertRow(1, "ADDED");
        Assert.Equal($"{tag}-a2", (await Client.GetRecordAsync("Contacts", id)).Text("Last_Name"));
        Assert.Equal($"{tag}-b", (await Client.GetRecordAsync("Contacts", created)).Text("Last_Name"));
    }

    [Fact]
    public async Task Upsert_that_creates_still_needs_the_mandatory_fields()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Email,Last_Name\n{tag}@example.com,\n", operation: "upsert", findBy: "Email");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "MANDATORY_NOT_FOUND-Last_Name");
        var all = await Client.ListRecordsAsync("Contacts");
        Assert.DoesNotContain(all, r => r.Text("Email") == $"{tag}@example.com");
    }

    [Fact]
    public async Task Upsert_with_ignore_empty_keeps_values_of_the_matched_record()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name,Email,Title,Mobile\n{tag},{tag}@example.com,Engineer,555-0101\n");
        var id = seed.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Email,Last_Name,Title,Mobile\n{tag}@example.com,{tag},,555-0199\n", operation: "upsert", findBy: "Email", ignoreEmpty: true);

        run.AssertCounts(added: 0, updated: 1, skipped: 0);
        var record = await Client.GetRecordAsync("Contacts", id);
        Assert.Equal("Engineer", record.Text("Title"));
        Assert.Equal("555-0199", record.Text("Mobile"));
    }

    [Fact]
    public async Task Upsert_row_with_an_empty_key_creates_a_record_without_that_key()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Email,Last_Name\n,{tag}-a\n,{tag}-b\n", operation: "upsert", findBy: "Email");

        run.AssertCounts(added: 2, updated: 0, skipped: 0);
        var a = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Null(a.Text("Email"));
        Assert.NotEqual(run.AssertRow(0, "ADDED"), run.AssertRow(1, "ADDED"));
    }
}
