using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

public sealed class LookupFieldTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    private string AdminId => fixture.Server.Credentials.UserId;

    [Fact]
    public async Task Lookup_by_id_links_an_existing_account_and_rejects_an_unknown_id()
    {
        var tag = WriteJobs.NewTag();
        var account = (await Client.WriteAsync($"Account_Name\n{tag} Corp\n", module: "Accounts")).AssertRow(0, "ADDED");

        var run = await Client.WriteAsync(
            $"Last_Name,Account_Name\n{tag}-1,{account}\n{tag}-2,999999999999999999\n{tag}-3,Acme\n{tag}-4,\n");

        run.AssertCounts(added: 2, updated: 0, skipped: 2);
        var linked = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal(new JsonObject { ["name"] = $"{tag} Corp", ["id"] = account }.ToJsonString(), linked["Account_Name"]!.ToJsonString());
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Account_Name");
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Account_Name");
        var unlinked = await Client.GetRecordAsync("Contacts", run.AssertRow(3, "ADDED"));
        Assert.Null(unlinked["Account_Name"]);
    }

    [Fact]
    public async Task Lookup_by_id_header_suffix_links_the_record()
    {
        var tag = WriteJobs.NewTag();
        var account = (await Client.WriteAsync($"Account_Name\n{tag} Dot\n", module: "Accounts")).AssertRow(0, "ADDED");

        var run = await Client.WriteAsync($"Last_Name,Account_Name.id\n{tag},{account}\n{tag}-x,123\n");

        run.AssertCounts(added: 1, updated: 0, skipped: 1);
        var contact = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal(account, contact["Account_Name"]!["id"]!.GetValue<string>());
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Account_Name.id");
    }

    [Fact]
    public async Task Lookup_by_name_links_the_one_match_and_rejects_none_or_several()
    {
        var tag = WriteJobs.NewTag();
        var accounts = await Client.WriteAsync(
            $"Account_Name\n{tag} Unique\n{tag} Twin\n{tag} twin\n", module: "Accounts");
        accounts.AssertCounts(added: 3, updated: 0, skipped: 0);
        var unique = accounts.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync(
            $"Last_Name,Account_Name.Account_Name\n{tag}-1,{tag} unique\n{tag}-2,{tag} Twin\n{tag}-3,{tag} Nobody\n");

        run.AssertCounts(added: 1, updated: 0, skipped: 2);
        var contact = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal(unique, contact["Account_Name"]!["id"]!.GetValue<string>());
        Assert.Equal($"{tag} Unique", contact["Account_Name"]!["name"]!.GetValue<string>());
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Account_Name.Account_Name");
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Account_Name.Account_Name");
    }

    [Fact]
    public async Task Lookup_by_contact_full_name_links_the_contact()
    {
        var tag = WriteJobs.NewTag();
        var contacts = await Client.WriteAsync($"Last_Name,First_Name\n{tag},Ann\n");
        var contact = contacts.AssertRow(0, "ADDED");

        var run = await Client.WriteAsync(
            $"Deal_Name,Sub_Pipeline,Stage,Contact_Name.Full_Name\n{tag}-deal,Sales Pipeline Standard,Qualification,Ann {tag}\n",
            module: "Pipelines");

        run.AssertCounts(added: 1, updated: 0, skipped: 0);
        var deal = await Client.GetRecordAsync("Pipelines", run.AssertRow(0, "ADDED"));
        Assert.Equal(new JsonObject { ["name"] = $"Ann {tag}", ["id"] = contact }.ToJsonString(), deal["Contact_Name"]!.ToJsonString());
    }

    [Fact]
    public async Task Owner_by_user_id_or_email_reads_back_as_name_id_and_email()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Last_Name,Owner\n{tag}-1,{AdminId}\n{tag}-2,ADMIN@biginbulk.local\n{tag}-3,\n{tag}-4,nobody@example.com\n{tag}-5,123456789012345678\n{tag}-6,admin\n");

        run.AssertCounts(added: 3, updated: 0, skipped: 3);
        var expected = new JsonObject { ["name"] = "Admin User", ["id"] = AdminId, ["email"] = "admin@biginbulk.local" }.ToJsonString();
        for (var i = 0; i < 3; i++)
        {
            var record = await Client.GetRecordAsync("Contacts", run.AssertRow(i, "ADDED"));
            Assert.Equal(expected, record["Owner"]!.ToJsonString());
            Assert.Equal(expected, record["Created_By"]!.ToJsonString());
        }

        run.AssertRow(3, "SKIPPED", "INVALID_DATA-Owner");
        run.AssertRow(4, "SKIPPED", "INVALID_DATA-Owner");
        run.AssertRow(5, "SKIPPED", "INVALID_DATA-Owner");
    }

    [Fact]
    public async Task Owner_mapped_with_find_by_email_resolves_the_user()
    {
        var tag = WriteJobs.NewTag();
        var mappings = new JsonArray(WriteJobs.Map("Account_Name", 0), WriteJobs.Map("Owner", 1, findBy: "email"));

        var run = await Client.WriteAsync($"Name,Owner Email\n{tag} Co,admin@biginbulk.local\n{tag} Other,ghost@biginbulk.local\n", module: "Accounts", mappings: mappings);

        run.AssertCounts(added: 1, updated: 0, skipped: 1);
        var account = await Client.GetRecordAsync("Accounts", run.AssertRow(0, "ADDED"));
        Assert.Equal(AdminId, account["Owner"]!["id"]!.GetValue<string>());
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Owner Email");
    }
}
