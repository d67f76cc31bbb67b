using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

public sealed class TextFieldTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Text_at_the_length_limit_is_stored_and_one_character_more_is_invalid()
    {
        var tag = WriteJobs.NewTag();
        var last80 = tag + new string('x', 80 - tag.Length);
        var first40 = new string('f', 40);
        var run = await Client.WriteAsync(
            $"Last_Name,First_Name\n{last80},{first40}\n{last80}y,ok\n{tag}-b,{first40}g\n");

        run.AssertCounts(added: 1, updated: 0, skipped: 2);
        var record = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal(last80, record.Text("Last_Name"));
        Assert.Equal(first40, record.Text("First_Name"));
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Last_Name");
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-First_Name");
    }

    [Fact]
    public async Task Several_invalid_cells_are_all_reported_under_one_code()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Last_Name,Email,Phone,Lead_Source\n{tag},not-an-email,call me,Billboard\n");

        run.AssertCounts(added: 0, updated: 0, skipped: 1);
        run.AssertRow(0, "SKIPPED", "INVALID_DATA-Email,Phone,Lead_Source");
        Assert.Empty(await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag));
    }

    [Fact]
    public async Task Text_cells_are_trimmed_but_text_areas_keep_their_whitespace()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Last_Name,Title,Description\n  {tag}  ,  Boss ,\"  two\nlines  \"\n");

        var record = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal(tag, record.Text("Last_Name"));
        Assert.Equal("Boss", record.Text("Title"));
        Assert.Equal("  two\nlines  ", record.Text("Description"));
    }

    [Fact]
    public async Task Email_addresses_are_validated()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Last_Name,Email\n{tag}-1,{tag}.first+tag@mail.example.co.uk\n{tag}-2,{tag}@\n{tag}-3,{tag} @example.com\n{tag}-4,{tag}@example\n");

        run.AssertCounts(added: 1, updated: 0, skipped: 3);
        var record = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal($"{tag}.first+tag@mail.example.co.uk", record.Text("Email"));
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Email");
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Email");
        run.AssertRow(3, "SKIPPED", "INVALID_DATA-Email");
    }

    [Fact]
    public async Task Phone_numbers_are_validated_and_limited_in_length()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Last_Name,Phone,Mobile\n{tag}-1,+1 (555) 010-0100 ext 12,555.010.0101\n{tag}-2,call me,\n{tag}-3,,{new string('5', 31)}\n");

        run.AssertCounts(added: 1, updated: 0, skipped: 2);
        var record = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal("+1 (555) 010-0100 ext 12", record.Text("Phone"));
        Assert.Equal("555.010.0101", record.Text("Mobile"));
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Phone");
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Mobile");
    }

    [Fact]
    public async Task Websites_accept_http_addresses_and_bare_hosts_only()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Account_Name,Website\n{tag}-1,www.example.com\n{tag}-2,https://example.com/about?x=1\n{tag}-3,not a site\n{tag}-4,ftp://files.example.com\n{tag}-5,localhost\n",
            module: "Accounts");

        run.AssertCounts(added: 2, updated: 0, skipped: 3);
        Assert.Equal("www.example.com", (await Client.GetRecordAsync("Accounts", run.AssertRow(0, "ADDED"))).Text("Website"));
        Assert.Equal("https://example.com/about?x=1", (await Client.GetRecordAsync("Accounts", run.AssertRow(1, "ADDED"))).Text("Website"));
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Website");
        run.AssertRow(3, "SKIPPED", "INVALID_DATA-Website");
        run.AssertRow(4, "SKIPPED", "INVALID_DATA-Website");
    }

    [Fact]
    public async Task Picklist_values_match_in_any_case_and_are_stored_in_their_canonical_spelling()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Last_Name,Lead_Source\n{tag}-1,trade SHOW\n{tag}-2, Cold Call \n{tag}-3,Billboard\n");

        run.AssertCounts(added: 2, updated: 0, skipped: 1);
        Assert.Equal("Trade Show", (await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"))).Text("Lead_Source"));
        Assert.Equal("Cold Call", (await Client.GetRecordAsync("Contacts", run.AssertRow(1, "ADDED"))).Text("Lead_Source"));
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Lead_Source");
    }

    [Fact]
    public async Task Pipeline_picklists_store_the_canonical_stage_and_sub_pipeline()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Deal_Name,Sub_Pipeline,Stage\n{tag}-1,partner pipeline,closed WON\n{tag}-2,Partner Pipeline,Won-ish\n",
            module: "Deals");

        run.AssertCounts(added: 1, updated: 0, skipped: 1);
        Assert.Equal("Deals-Rows.csv", run.ResultEntryName);
        var deal = await Client.GetRecordAsync("Pipelines", run.AssertRow(0, "ADDED"));
        Assert.Equal("Partner Pipeline", deal.Text("Sub_Pipeline"));
        Assert.Equal("Closed Won", deal.Text("Stage"));
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Stage");
    }

    [Fact]
    public async Task Non_ascii_text_is_stored_as_written()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync($"Last_Name,First_Name,Mailing_City\n{tag}-Ünal,Zoë,Kraków 東京 😀\n");

        var record = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal($"{tag}-Ünal", record.Text("Last_Name"));
        Assert.Equal("Zoë", record.Text("First_Name"));
        Assert.Equal("Kraków 東京 😀", record.Text("Mailing_City"));
        Assert.Equal($"Zoë {tag}-Ünal", record.Text("Full_Name"));
    }
}
