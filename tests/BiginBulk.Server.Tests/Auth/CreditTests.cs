using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Auth;

public sealed class CreditTests
{
    [Fact]
    public async Task With_credits_on_jobs_spend_them_and_an_overspend_is_limit_reached()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Credits:Enabled"] = "true",
            ["BiginBulk:Credits:PerDay"] = "1100",
        });
        using var client = new BiginClient(server);
        var fileId = await client.UploadCsvAsync("Last_Name\nCredit\n");
        JsonObject Body() => new()
        {
            ["operation"] = "insert",
            ["resource"] = new JsonArray(new JsonObject { ["type"] = "data", ["module"] = "Contacts", ["file_id"] = fileId }),
        };

        await client.CreateWriteJobAsync(Body());
        await client.CreateWriteJobAsync(Body());
        var third = await client.PostJsonAsync("/bigin/bulk/v2/write", Body());
        var error = third.AssertError(HttpStatusCode.BadRequest, "LIMIT_REACHED");
        Assert.Equal(1000, error["details"]!["used"]!.GetValue<int>());
        Assert.Equal(1100, error["details"]!["limit"]!.GetValue<int>());

        // 100 credits are left: two reads at 50 fit, a third does not.
        (await client.PostJsonAsync("/bigin/bulk/v2/read", """{"query":{"module":"Contacts"}}""")).AssertStatus(HttpStatusCode.Created);
        (await client.PostJsonAsync("/bigin/bulk/v2/read", """{"query":{"module":"Contacts"}}""")).AssertStatus(HttpStatusCode.Created);
        (await client.PostJsonAsync("/bigin/bulk/v2/read", """{"query":{"module":"Contacts"}}""")).AssertError(HttpStatusCode.BadRequest, "LIMIT_REACHED");
    }

    [Fact]
    public async Task Credits_are_off_by_default()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["BiginBulk:Credits:PerDay"] = "1" });
        using var client = new BiginClient(server);
        (await client.PostJsonAsync("/bigin/bulk/v2/read", """{"query":{"module":"Contacts"}}""")).AssertStatus(HttpStatusCode.Created);
    }
}
