using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>GET …/read/{id}/result: the zip, its one CSV, and what each kind of column holds.</summary>
public sealed class ReadResultTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task The_result_is_a_zip_download_with_one_flat_csv_named_after_the_job()
    {
        await Client.InsertAsync("Contacts", "Last_Name\nZipShape\n");
        var jobId = await Client.CreateReadJobAsync(JsonNode.Parse("""{"query":{"module":"Contacts","fields":["Last_Name"]}}""")!, "/bigin/bulk/v1/read");
        await Client.WaitForReadJobAsync(jobId, "/bigin/bulk/v1/read");

        var response = await Client.GetAsync($"/bigin/bulk/v1/read/{jobId}/result");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/x-download", response.ContentType);
        Assert.Equal($"attachment; filename=\"{jobId}.zip\"", response.ContentDisposition);
        using var archive = new ZipArchive(new MemoryStream(response.Body), ZipArchiveMode.Read);
        var entry = Assert.Single(archive.Entries);
        Assert.Equal($"{jobId}.csv", entry.FullName);
        using var reader = new StreamReader(entry.Open());
        var csv = ResultFile.Parse(await reader.ReadToEndAsync());
        Assert.Equal(["Last_Name", "id"], csv.Header);
        Assert.Contains(csv.Rows, r => r[0] == "ZipShape");
    }

    [Fact]
    public async Task Columns_follow_the_requested_order_then_id_with_lookups_as_ids_dot_fields_as_values_and_ISO_dates()
    {
        var accountIds = await Client.InsertAsync("Accounts", "Account_Name,Phone\nColumns Corp,555-0199\n");
        var contactIds = await Client.InsertAsync("Contacts",
            $"Last_Name,First_Name,Account_Name,Date_of_Birth,Email_Opt_Out\nColumnsLast,Ann,{accountIds[0]},1990-02-03,true\nColumnsLone,Bob,,,\n");
        string[] fields = ["Date_of_Birth", "Account_Name.Phone", "Last_Name", "Owner", "Account_Name", "Owner.last_name", "Account_Name.Account_Name", "Created_Time", "Email_Opt_Out"];
        var query = new JsonObject
        {
            ["module"] = "Contacts",
            ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode?)f)]),
            ["criteria"] = JsonNode.Parse("""{"api_name":"Last_Name","comparator":"starts_with","value":"Columns"}"""),
        };
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);

        var run = await Client.RunReadAsync(query);

        var csv = run.Csv;
        Assert.Equal([.. fields, "id"], csv.Header);
        Assert.Equal(2, csv.Rows.Count);
        Assert.Equal(2, run.Job["result"]!["count"]!.GetValue<int>());
        var linked = csv.Rows.Single(r => csv.Cell(r, "Last_Name") == "ColumnsLast");
        Assert.Equal(contactIds[0], csv.Cell(linked, "id"));
        Assert.Equal(accountIds[0], csv.Cell(linked, "Account_Name"));
        Assert.Equal("Columns Corp", csv.Cell(linked, "Account_Name.Account_Name"));
        Assert.Equal("555-0199", csv.Cell(linked, "Account_Name.Phone"));
        Assert.Equal(fixture.Server.Credentials.UserId, csv.Cell(linked, "Owner"));
        Assert.Equal("User", csv.Cell(linked, "Owner.last_name"));
        Assert.Equal("1990-02-03", csv.Cell(linked, "Date_of_Birth"));
        Assert.Equal("true", csv.Cell(linked, "Email_Opt_Out"));
        var created = DateTimeOffset.ParseExact(csv.Cell(linked, "Created_Time"), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.InRange(created, before, DateTimeOffset.UtcNow.AddMinutes(1));
        var lone = csv.Rows.Single(r => csv.Cell(r, "Last_Name") == "ColumnsLone");
        Assert.Equal(contactIds[1], csv.Cell(lone, "id"));
        Assert.Equal("", csv.Cell(lone, "Account_Name"));
        Assert.Equal("", csv.Cell(lone, "Account_Name.Account_Name"));
        Assert.Equal("", csv.Cell(lone, "Account_Name.Phone"));
        Assert.Equal("", csv.Cell(lone, "Date_of_Birth"));
    }

    [Fact]
    public async Task Without_fields_every_field_of_the_module_is_exported_and_id_once_last()
    {
        await Client.InsertAsync("Accounts", "Account_Name,Website\nAll Fields Ltd,https://all.example\n");

        var run = await Client.RunReadAsync(JsonNode.Parse("""{"module":"Accounts","criteria":{"api_name":"Account_Name","comparator":"equal","value":"All Fields Ltd"}}""")!.AsObject());

        string[] expected =
        [
            "Owner", "Created_By", "Modified_By", "Created_Time", "Modified_Time", "Account_Name", "Phone", "Website",
            "Billing_Street", "Billing_City", "Billing_State", "Billing_Code", "Billing_Country", "Description",
        ];
        Assert.Equal("id", run.Csv.Header[^1]);
        Assert.Single(run.Csv.Header, h => h == "id");
        Assert.Equal(expected.Order(), run.Csv.Header.SkipLast(1).Order());
        var row = Assert.Single(run.Csv.Rows);
        Assert.Equal("https://all.example", run.Csv.Cell(row, "Website"));
        Assert.Equal(fixture.Server.Credentials.UserId, run.Csv.Cell(row, "Created_By"));
    }

    [Fact]
    public async Task Requesting_id_puts_it_where_asked_without_a_second_id_column()
    {
        var ids = await Client.InsertAsync("Contacts", "Last_Name\nExplicitId\n");

        var run = await Client.RunReadAsync(JsonNode.Parse("""{"module":"Contacts","fields":["id","Last_Name"],"criteria":{"api_name":"Last_Name","comparator":"equal","value":"ExplicitId"}}""")!.AsObject());

        Assert.Equal(["id", "Last_Name"], run.Csv.Header);
        Assert.Equal([ids[0], "ExplicitId"], Assert.Single(run.Csv.Rows));
    }

    [Fact]
    public async Task Text_with_commas_quotes_and_line_breaks_round_trips_through_the_csv()
    {
        await Client.InsertAsync("Contacts", "Last_Name,Description\nQuoting,\"He said \"\"hi\"\", then, left\nnext line\"\n");

        var run = await Client.RunReadAsync(JsonNode.Parse("""{"module":"Contacts","fields":["Description"],"criteria":{"api_name":"Last_Name","comparator":"equal","value":"Quoting"}}""")!.AsObject());

        Assert.Equal("He said \"hi\", then, left\nnext line", Assert.Single(run.Column("Description")));
    }

    [Fact]
    public async Task The_eleventh_download_within_a_minute_is_429_TOO_MANY_REQUESTS_with_Retry_After()
    {
        var run = await Client.RunReadAsync(new JsonObject { ["module"] = "Tasks" });

        // RunReadAsync downloaded once; nine more are allowed.
        for (var i = 2; i <= 10; i++)
        {
            (await Client.GetAsync($"/bigin/bulk/v2/read/{run.JobId}/result")).AssertStatus(HttpStatusCode.OK);
        }

        var refused = await Client.GetAsync($"/bigin/bulk/v2/read/{run.JobId}/result");

        refused.AssertError(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("Retry-After must be a number of seconds.");
        Assert.InRange(retryAfter.TotalSeconds, 1, 60);
    }
}
