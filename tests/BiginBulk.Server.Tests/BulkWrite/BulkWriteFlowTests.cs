using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkWrite;

public sealed class BulkWriteFlowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Insert_adds_records_and_reports_each_row_in_the_result_file()
    {
        var run = await Client.RunWriteAsync(
            "Last_Name,First_Name,Email\nFlow,Ann,flow.ann@example.com\nFlow,Bob,flow.bob@example.com\n,NoLast,flow.x@example.com\n",
            fileName: "FlowContacts.csv");

        Assert.Equal(2, run.Count("added_count"));
        Assert.Equal(1, run.Count("skipped_count"));
        Assert.Equal(3, run.Count("total_count"));
        Assert.Equal("Contacts-FlowContacts.csv", run.ResultEntryName);
        Assert.Equal(["Last_Name", "First_Name", "Email", "STATUS", "RECORD_ID", "ERRORS"], run.Result.Header);
        Assert.Equal(["ADDED", "ADDED", "SKIPPED"], run.Result.Statuses);
        Assert.Equal("MANDATORY_NOT_FOUND-Last_Name", run.Result.Cell(2, "ERRORS"));

        var id = run.Result.Cell(0, "RECORD_ID");
        var record = await Client.GetAsync($"/bigin/v2/Contacts/{id}");
        record.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("flow.ann@example.com", record.Json["data"]![0]!["Email"]!.GetValue<string>());
        Assert.Equal("Ann Flow", record.Json["data"]![0]!["Full_Name"]!.GetValue<string>());
    }
}
