using System.Net;
using System.Text;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Records;

public sealed class RecordReadTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private BiginClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ServerProcess.StartAsync();
        _client = new BiginClient(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Empty_module_answers_204_with_no_body()
    {
        var response = await _client.GetAsync("/bigin/v2/Products");
        response.AssertStatus(HttpStatusCode.NoContent);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task Records_page_with_info_and_more_records()
    {
        var csv = new StringBuilder("Account_Name,Phone\n");
        for (var i = 1; i <= 5; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Company {i},555-000{i}\n");
        }

        await _client.RunWriteAsync(csv.ToString(), module: "Accounts", fileName: "Accounts.csv");

        var first = await _client.GetAsync("/bigin/v2/Accounts?fields=Account_Name&per_page=2&page=1");
        first.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(2, first.Json["data"]!.AsArray().Count);
        Assert.Equal(2, first.Json["info"]!["per_page"]!.GetValue<int>());
        Assert.Equal(2, first.Json["info"]!["count"]!.GetValue<int>());
        Assert.Equal(1, first.Json["info"]!["page"]!.GetValue<int>());
        Assert.True(first.Json["info"]!["more_records"]!.GetValue<bool>());
        var record = first.Json["data"]![0]!.AsObject();
        Assert.Equal(["Account_Name", "id"], record.Select(p => p.Key));
        Assert.Matches("^[0-9]{18,19}$", record["id"]!.GetValue<string>());

        var last = await _client.GetAsync("/bigin/v2/Accounts?fields=Account_Name&per_page=2&page=3");
        Assert.Single(last.Json["data"]!.AsArray());
        Assert.False(last.Json["info"]!["more_records"]!.GetValue<bool>());

        var all = await _client.ListRecordsAsync("Accounts", "Account_Name");
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Company {i}"), all.Select(r => r["Account_Name"]!.GetValue<string>()));
        (await _client.GetAsync("/bigin/v2/Accounts?per_page=2&page=4")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Record_by_id_shows_owner_lookup_and_typed_values()
    {
        var account = await _client.RunWriteAsync("Account_Name\nLookup Target Inc\n", module: "Accounts", fileName: "Accounts.csv");
        var accountId = account.Result.Cell(0, "RECORD_ID");
        var run = await _client.RunWriteAsync(
            $"Deal_Name,Sub_Pipeline,Stage,Amount,Closing_Date,Account_Name\nBig deal,Sales Pipeline Standard,qualification,1234.5,12/31/2026,{accountId}\n",
            module: "Deals", fileName: "Deals.csv");
        Assert.Equal("ADDED", run.Result.Cell(0, "STATUS"));

        var response = await _client.GetAsync($"/bigin/v2/Pipelines/{run.Result.Cell(0, "RECORD_ID")}");
        response.AssertStatus(HttpStatusCode.OK);
        var deal = response.Json["data"]![0]!;
        Assert.Equal("Qualification", deal["Stage"]!.GetValue<string>());
        Assert.Equal(1234.5m, deal["Amount"]!.GetValue<decimal>());
        Assert.Equal("2026-12-31", deal["Closing_Date"]!.GetValue<string>());
        Assert.Equal(accountId, deal["Account_Name"]!["id"]!.GetValue<string>());
        Assert.Equal("Lookup Target Inc", deal["Account_Name"]!["name"]!.GetValue<string>());
        Assert.Equal(_server.Credentials.UserId, deal["Owner"]!["id"]!.GetValue<string>());
        Assert.Equal("admin@biginbulk.local", deal["Owner"]!["email"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", deal["Created_Time"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_record_id_answers_204()
    {
        (await _client.GetAsync("/bigin/v2/Contacts/1234567890123456789")).AssertStatus(HttpStatusCode.NoContent);
        // An id that is not a number is not "no such record" but a client error, as Zoho answers (issue 9 item 7).
        (await _client.GetAsync("/bigin/v2/Contacts/not-a-number")).AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }

    [Fact]
    public async Task Unknown_module_is_invalid_module()
    {
        var response = await _client.GetAsync("/bigin/v2/Leads");
        response.AssertError(HttpStatusCode.BadRequest, "INVALID_MODULE");
    }

    [Theory]
    [InlineData("per_page=0")]
    [InlineData("per_page=201")]
    [InlineData("page=0")]
    [InlineData("page=abc")]
    [InlineData("fields=Nope")]
    public async Task Bad_query_parameters_are_precise_400s(string query)
    {
        var response = await _client.GetAsync($"/bigin/v2/Contacts?{query}");
        response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }
}
