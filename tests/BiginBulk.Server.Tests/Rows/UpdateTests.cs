using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

public sealed class UpdateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Update_by_Id_changes_the_mapped_fields_and_keeps_the_others()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name,First_Name,Title\n{tag},Ann,Engineer\n");
        var id = seed.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Id,Title\n{id},Director\n", operation: "update", findBy: "Id");

        run.AssertCounts(added: 0, updated: 1, skipped: 0);
        Assert.Equal(id, run.AssertRow(0, "UPDATED"));
        var record = await Client.GetRecordAsync("Contacts", id);
        Assert.Equal("Director", record.Text("Title"));
        Assert.Equal("Ann", record.Text("First_Name"));
        Assert.Equal(tag, record.Text("Last_Name"));
    }

    [Fact]
    public async Task Update_by_email_matches_case_insensitively()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name,Email,Title\n{tag},{tag}@example.com,Old\n");
        var id = seed.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Email,Title\n{tag.ToUpperInvariant()}@EXAMPLE.COM,New\n", operation: "update", findBy: "Email");

        run.AssertCounts(added: 0, updated: 1, skipped: 0);
        Assert.Equal(id, run.AssertRow(0, "UPDATED"));
        Assert.Equal("New", (await Client.GetRecordAsync("Contacts", id)).Text("Title"));
    }

    [Fact]
    public async Task Update_by_product_name_updates_the_matching_product()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Product_Name,Unit_Price\n{tag} Lamp,10\n", module: "Products");
        var id = seed.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Product_Name,Unit_Price\n{tag} lamp,12.5\n", operation: "update", module: "Products", findBy: "Product_Name");

        run.AssertCounts(added: 0, updated: 1, skipped: 0);
        Assert.Equal(id, run.AssertRow(0, "UPDATED"));
        var product = await Client.GetRecordAsync("Products", id);
        Assert.Equal(12.5m, product["Unit_Price"]!.GetValue<decimal>());
        // The key matched case-insensitively; like any mapped column it is written as the file spells it.
        Assert.Equal($"{tag} lamp", product.Text("Product_Name"));
    }

    [Fact]
    public async Task Update_never_creates_records_and_skips_unmatched_rows()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name,Email\n{tag},{tag}@example.com\n");
        var id = seed.AssertRow(0, "ADDED");

        var byEmail = await Client.WriteAsync(
            $"Email,Last_Name\n{tag}.missing@example.com,{tag}-ghost\n{tag}@example.com,{tag}-renamed\n",
            operation: "update", findBy: "Email");
        var byId = await Client.WriteAsync($"Id,Last_Name\n999999999999999999,{tag}-ghost2\n", operation: "update", findBy: "Id");

        byEmail.AssertCounts(added: 0, updated: 1, skipped: 1);
        byEmail.AssertRow(0, "SKIPPED", "RESOURCE_NOT_FOUND-Email");
        Assert.Equal(id, byEmail.AssertRow(1, "UPDATED"));
        byId.AssertCounts(added: 0, updated: 0, skipped: 1);
        byId.AssertRow(0, "SKIPPED", "RESOURCE_NOT_FOUND-Id");
        var records = await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag);
        Assert.Equal([$"{tag}-renamed"], records.Select(r => r.Text("Last_Name")));
    }

    [Fact]
    public async Task Update_skips_a_row_with_an_empty_key()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Email,Last_Name\n,{tag}\n", operation: "update", findBy: "Email");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "MANDATORY_NOT_FOUND-Email");
        Assert.Empty(await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag));
    }

    [Fact]
    public async Task Update_with_ignore_empty_true_keeps_existing_values_for_empty_cells()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name,First_Name,Title,Phone\n{tag},Ann,Engineer,555-0100\n");
        var id = seed.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Id,First_Name,Title,Phone\n{id},,Director,\n", operation: "update", findBy: "Id", ignoreEmpty: true);

        run.AssertCounts(added: 0, updated: 1, skipped: 0);
        Assert.True(run.Job["ignore_empty"]!.GetValue<bool>());
        var record = await Client.GetRecordAsync("Contacts", id);
        Assert.Equal("Ann", record.Text("First_Name"));
        Assert.Equal("Director", record.Text("Title"));
        Assert.Equal("555-0100", record.Text("Phone"));
    }

    [Fact]
    public async Task Update_with_ignore_empty_false_clears_fields_for_empty_cells()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name,First_Name,Title,Phone\n{tag},Ann,Engineer,555-0100\n");
        var id = seed.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Id,First_Name,Title,Phone\n{id},,Director,\n", operation: "update", findBy: "Id", ignoreEmpty: false);

        run.AssertCounts(added: 0, updated: 1, skipped: 0);
        Assert.False(run.Job["ignore_empty"]!.GetValue<bool>());
        var record = await Client.GetRecordAsync("Contacts", id);
        Assert.Null(record.Text("First_Name"));
        Assert.Equal("Director", record.Text("Title"));
        Assert.Null(record.Text("Phone"));
        Assert.Equal(tag, record.Text("Full_Name"));
    }

    [Fact]
    public async Task Update_that_would_empty_a_mandatory_field_is_skipped_and_changes_nothing()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name,Title\n{tag},Engineer\n");
        var id = seed.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Id,Last_Name,Title\n{id},,Director\n", operation: "update", findBy: "Id", ignoreEmpty: false);

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "MANDATORY_NOT_FOUND-Last_Name");
        var record = await Client.GetRecordAsync("Contacts", id);
        Assert.Equal(tag, record.Text("Last_Name"));
        Assert.Equal("Engineer", record.Text("Title"));
    }

    [Fact]
    public async Task Update_to_an_email_another_record_has_is_a_duplicate()
    {
        var tag = WriteJobs.NewTag();
        var seed = await Client.WriteAsync($"Last_Name,Email\n{tag}-a,{tag}.a@example.com\n{tag}-b,{tag}.b@example.com\n");
        var b = seed.AssertRow(1, "ADDED");

        var run = await Client.WriteAsync($"Id,Email\n{b},{tag}.A@example.com\n", operation: "update", findBy: "Id");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "DUPLICATE_DATA-Email");
        Assert.Equal($"{tag}.b@example.com", (await Client.GetRecordAsync("Contacts", b)).Text("Email"));
    }

    [Fact]
    public async Task Update_with_ignore_empty_false_clears_a_lookup_but_never_the_owner()
    {
        var tag = WriteJobs.NewTag();
        var account = (await Client.WriteAsync($"Account_Name\n{tag} Co\n", module: "Accounts")).AssertRow(0, "ADDED");
        var id = (await Client.WriteAsync($"Last_Name,Account_Name\n{tag},{account}\n")).AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Id,Account_Name,Owner\n{id},,\n", operation: "update", findBy: "Id", ignoreEmpty: false);

        run.AssertCounts(added: 0, updated: 1, skipped: 0);
        var record = await Client.GetRecordAsync("Contacts", id);
        Assert.Null(record["Account_Name"]);
        Assert.Equal(fixture.Server.Credentials.UserId, record["Owner"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_stamps_modified_time_and_keeps_created_time()
    {
        var tag = WriteJobs.NewTag();
        var id = (await Client.WriteAsync($"Last_Name\n{tag}\n")).AssertRow(0, "ADDED");
        var before = await Client.GetRecordAsync("Contacts", id);
        await Task.Delay(1100);

        await Client.WriteAsync($"Id,Title\n{id},Changed\n", operation: "update", findBy: "Id");

        var after = await Client.GetRecordAsync("Contacts", id);
        Assert.Equal(before.Text("Created_Time"), after.Text("Created_Time"));
        Assert.True(
            DateTimeOffset.Parse(after.Text("Modified_Time")!, System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(before.Text("Modified_Time")!, System.Globalization.CultureInfo.InvariantCulture),
            $"Modified_Time did not move: {before.Text("Modified_Time")} -> {after.Text("Modified_Time")}");
    }
}
