using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

public sealed class InsertTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Insert_creates_one_record_per_row_and_echoes_the_first_three_columns()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Last_Name,First_Name,Email,Title\n{tag}-a,Ann,{tag}.a@example.com,CEO\n{tag}-b,Bob,{tag}.b@example.com,CTO\n");

        run.AssertCounts(added: 2, updated: 0, skipped: 0);
        Assert.Equal(["Last_Name", "First_Name", "Email", "STATUS", "RECORD_ID", "ERRORS"], run.Result.Header);
        Assert.Equal([$"{tag}-a", "Ann", $"{tag}.a@example.com"], run.Result.Rows[0].Take(3));
        Assert.Equal([$"{tag}-b", "Bob", $"{tag}.b@example.com"], run.Result.Rows[1].Take(3));
        var first = run.AssertRow(0, "ADDED");
        var second = run.AssertRow(1, "ADDED");
        Assert.NotEqual(first, second);

        var record = await Client.GetRecordAsync("Contacts", second);
        Assert.Equal($"{tag}-b", record.Text("Last_Name"));
        Assert.Equal("Bob", record.Text("First_Name"));
        Assert.Equal($"{tag}.b@example.com", record.Text("Email"));
        Assert.Equal("CTO", record.Text("Title"));
        Assert.Equal(2, (await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag)).Count);
    }

    [Fact]
    public async Task Insert_skips_a_row_whose_email_exists_in_another_case()
    {
        var tag = WriteJobs.NewTag();
        await Client.WriteAsync($"Last_Name,Email\n{tag}-first,{tag}@example.com\n");

        var run = await Client.WriteAsync($"Last_Name,Email\n{tag}-second,{tag.ToUpperInvariant()}@EXAMPLE.com\n{tag}-third,{tag}.other@example.com\n");

        run.AssertCounts(added: 1, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "DUPLICATE_DATA-Email");
        run.AssertRow(1, "ADDED");
        var records = await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag);
        Assert.Equal([$"{tag}-first", $"{tag}-third"], records.Select(r => r.Text("Last_Name")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Insert_skips_a_product_whose_name_exists()
    {
        var tag = WriteJobs.NewTag();
        await Client.WriteAsync($"Product_Name,Product_Code\n{tag} Widget,W-1\n", module: "Products");

        var run = await Client.WriteAsync($"Product_Name,Product_Code\n{tag} WIDGET,W-2\n{tag} Gadget,G-1\n", module: "Products");

        run.AssertCounts(added: 1, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "DUPLICATE_DATA-Product_Name");
        run.AssertRow(1, "ADDED");
        var products = await Client.RecordsTaggedAsync("Products", "Product_Name", tag);
        Assert.Equal(2, products.Count);
        Assert.Equal("W-1", products.Single(p => p.Text("Product_Name") == $"{tag} Widget").Text("Product_Code"));
    }

    [Fact]
    public async Task Insert_with_the_same_email_twice_in_one_file_adds_the_first_and_skips_the_second()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Last_Name,Email\n{tag}-1,{tag}@example.com\n{tag}-2,{tag}@Example.com\n{tag}-3,{tag}.x@example.com\n");

        run.AssertCounts(added: 2, updated: 0, skipped: 1);
        var first = run.AssertRow(0, "ADDED");
        run.AssertRow(1, "SKIPPED", "DUPLICATE_DATA-Email");
        run.AssertRow(2, "ADDED");
        var record = await Client.GetRecordAsync("Contacts", first);
        Assert.Equal($"{tag}-1", record.Text("Last_Name"));
        Assert.Equal(2, (await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag)).Count);
    }

    [Fact]
    public async Task Insert_with_find_by_skips_rows_that_match_existing_records_and_adds_the_rest()
    {
        var tag = WriteJobs.NewTag();
        var existing = await Client.WriteAsync($"Last_Name,Email,Title\n{tag}-old,{tag}.old@example.com,Keep\n");
        var existingId = existing.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync(
            $"Last_Name,Email,Title\n{tag}-new,{tag}.OLD@example.com,Overwrite\n{tag}-fresh,{tag}.fresh@example.com,New\n",
            findBy: "Email");

        run.AssertCounts(added: 1, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "DUPLICATE_DATA-Email");
        run.AssertRow(1, "ADDED");
        var unchanged = await Client.GetRecordAsync("Contacts", existingId);
        Assert.Equal($"{tag}-old", unchanged.Text("Last_Name"));
        Assert.Equal("Keep", unchanged.Text("Title"));
    }

    [Fact]
    public async Task Insert_with_find_by_Id_skips_rows_naming_an_existing_record()
    {
        var tag = WriteJobs.NewTag();
        var existing = await Client.WriteAsync($"Last_Name\n{tag}-old\n");
        var existingId = existing.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Id,Last_Name\n{existingId},{tag}-again\n,{tag}-new\n", findBy: "Id");

        run.AssertCounts(added: 1, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "DUPLICATE_DATA-Id");
        run.AssertRow(1, "ADDED");
        Assert.Equal($"{tag}-old", (await Client.GetRecordAsync("Contacts", existingId)).Text("Last_Name"));
    }

    [Fact]
    public async Task Result_has_one_line_per_row_in_input_order()
    {
        var tag = WriteJobs.NewTag();
        var lines = Enumerable.Range(0, 30).Select(i => i % 3 == 2 ? $",{tag}-{i}" : $"{tag}-{i},x").ToList();
        var run = await Client.WriteAsync("Last_Name,First_Name\n" + string.Join('\n', lines) + "\n");

        run.AssertCounts(added: 20, updated: 0, skipped: 10);
        for (var i = 0; i < 30; i++)
        {
            if (i % 3 == 2)
            {
                run.AssertRow(i, "SKIPPED", "MANDATORY_NOT_FOUND-Last_Name");
                Assert.Equal($"{tag}-{i}", run.Result.Cell(i, "First_Name"));
            }
            else
            {
                run.AssertRow(i, "ADDED");
                Assert.Equal($"{tag}-{i}", run.Result.Cell(i, "Last_Name"));
            }
        }
    }

    [Fact]
    public async Task Header_names_match_fields_in_any_case_and_an_Id_column_is_never_written_on_insert()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"id, last_name ,EMAIL\n123456789012345678,{tag},{tag}@example.com\n");

        run.AssertCounts(added: 1, updated: 0, skipped: 0);
        Assert.Equal(["id", "last_name", "EMAIL"], run.Result.Header.Take(3));
        var id = run.AssertRow(0, "ADDED");
        Assert.NotEqual("123456789012345678", id);
        var record = await Client.GetRecordAsync("Contacts", id);
        Assert.Equal(tag, record.Text("Last_Name"));
        Assert.Equal($"{tag}@example.com", record.Text("Email"));
    }
}
