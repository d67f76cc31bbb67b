using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

/// <summary>A skipped row lists every problem it has, so one pass over the result file fixes it.</summary>
public sealed class RowErrorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task A_missing_mandatory_value_and_a_duplicate_are_both_reported()
    {
        var tag = WriteJobs.NewTag();
        await Client.WriteAsync($"Last_Name,Email\n{tag},{tag}@example.com\n");

        var run = await Client.WriteAsync($"Last_Name,Email\n,{tag}@example.com\n");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "MANDATORY_NOT_FOUND-Last_Name:DUPLICATE_DATA-Email");
    }

    [Fact]
    public async Task An_invalid_value_and_a_missing_mandatory_value_are_both_reported()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Last_Name,Email,First_Name\n,{tag}-not-an-email,{tag}\n");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "INVALID_DATA-Email:MANDATORY_NOT_FOUND-Last_Name");
        Assert.Empty(await Client.RecordsTaggedAsync("Contacts", "First_Name", tag));
    }

    [Fact]
    public async Task An_invalid_value_and_a_duplicate_are_both_reported()
    {
        var tag = WriteJobs.NewTag();
        await Client.WriteAsync($"Last_Name,Email\n{tag},{tag}@example.com\n");

        var run = await Client.WriteAsync($"Last_Name,Email,Phone\n{tag}-2,{tag}@example.com,no phone\n");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "INVALID_DATA-Phone:DUPLICATE_DATA-Email");
        Assert.Single(await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag));
    }

    [Fact]
    public async Task An_update_with_an_invalid_value_changes_nothing_and_names_the_column()
    {
        var tag = WriteJobs.NewTag();
        var id = (await Client.WriteAsync($"Last_Name,Title,Phone\n{tag},Engineer,555\n")).AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Id,Title,Phone\n{id},Director,not a phone\n", operation: "update", findBy: "Id");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "INVALID_DATA-Phone");
        var record = await Client.GetRecordAsync("Contacts", id);
        Assert.Equal("Engineer", record.Text("Title"));
        Assert.Equal("555", record.Text("Phone"));
    }

    [Fact]
    public async Task An_update_with_a_malformed_id_is_invalid_data_on_the_id_column()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Id,Last_Name\nabc,{tag}\n", operation: "update", findBy: "Id");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "INVALID_DATA-Id");
    }

    [Fact]
    public async Task An_update_by_an_invalid_key_value_reports_only_the_invalid_key()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Email,Last_Name\n{tag}-not-an-email,{tag}\n", operation: "update", findBy: "Email");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "INVALID_DATA-Email");
    }
}
