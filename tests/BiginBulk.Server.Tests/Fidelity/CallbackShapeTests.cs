using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Fidelity;

/// <summary>
/// A callback has the shape of the route family its job was created on: a Bigin read job's is the Bigin
/// page's sample (<c>job_id</c>, <c>operation</c>, <c>state</c>, <c>query</c>, <c>result</c> with the job's own
/// version in <c>download_url</c>); a CRM read job's is CRM's job details; a write job's is the job details of its family.
/// </summary>
public sealed class CallbackShapeTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private BiginClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["BiginBulk:Callbacks:AllowPrivateNetworks"] = "true" });
        _client = new BiginClient(_server);
        await _client.InsertAsync("Contacts", "Last_Name\nCalled\n");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("/bigin/bulk/v1/read")]
    [InlineData("/bigin/bulk/v2/read")]
    public async Task A_bigin_read_callback_is_the_bigin_sample_shape_on_the_jobs_version(string route)
    {
        using var receiver = new CallbackReceiver();
        var jobId = await CreateReadAsync(route, receiver);

        var body = JsonNode.Parse((await receiver.NextAsync()).Body)!.AsObject();

        Assert.Equal(["job_id", "operation", "state", "query", "result"], body.Select(p => p.Key));
        Assert.Equal(jobId, body["job_id"]!.GetValue<string>());
        Assert.Equal("read", body["operation"]!.GetValue<string>());
        Assert.Equal("COMPLETED", body["state"]!.GetValue<string>());
        Assert.Equal("Contacts", body["query"]!["module"]!.GetValue<string>());
        Assert.Equal("Last_Name", body["query"]!["criteria"]!["api_name"]!.GetValue<string>());
        var result = body["result"]!;
        Assert.Equal($"{route}/{jobId}/result", result["download_url"]!.GetValue<string>());
        Assert.Equal(1, result["page"]!.GetValue<int>());
        Assert.Equal(1, result["count"]!.GetValue<int>());
        Assert.False(result["more_records"]!.GetValue<bool>());
        Assert.True(result["per_page"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task A_crm_read_callback_is_the_crm_job_details_shape()
    {
        using var receiver = new CallbackReceiver();
        var jobId = await CreateReadAsync("/crm/bulk/v8/read", receiver);

        var body = JsonNode.Parse((await receiver.NextAsync()).Body)!;

        var detail = Assert.Single(body["data"]!.AsArray())!;
        Assert.Equal(jobId, detail["id"]!.GetValue<string>());
        Assert.Equal("COMPLETED", detail["state"]!.GetValue<string>());
        Assert.Equal("Contacts", detail["query"]!["module"]!["api_name"]!.GetValue<string>());
        Assert.Equal($"/crm/bulk/v8/read/{jobId}/result", detail["result"]!["download_url"]!.GetValue<string>());
        Assert.Null(body["job_id"]);
    }

    [Fact]
    public async Task A_crm_write_callback_has_the_crm_job_details_shape_and_a_bigin_one_the_bigin_shape()
    {
        using var crmReceiver = new CallbackReceiver();
        using var biginReceiver = new CallbackReceiver();
        var crmJob = await CreateWriteAsync("/crm/bulk/v8/write", crmReceiver);
        var biginJob = await CreateWriteAsync("/bigin/bulk/v2/write", biginReceiver);

        var crm = JsonNode.Parse((await crmReceiver.NextAsync()).Body)!;
        var bigin = JsonNode.Parse((await biginReceiver.NextAsync()).Body)!;

        Assert.Equal(crmJob, crm["id"]!.GetValue<string>());
        Assert.Equal("Contacts", crm["resource"]![0]!["module"]!["api_name"]!.GetValue<string>());
        Assert.Equal("COMPLETED", crm["resource"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(biginJob, bigin["id"]!.GetValue<string>());
        Assert.Equal("Contacts", bigin["resource"]![0]!["module"]!.GetValue<string>());
        Assert.Null(bigin["resource"]![0]!["code"]);
    }

    private async Task<string> CreateReadAsync(string route, CallbackReceiver receiver)
    {
        var response = await _client.PostJsonAsync(route, new JsonObject
        {
            ["callback"] = new JsonObject { ["url"] = receiver.Url, ["method"] = "post" },
            ["query"] = new JsonObject
            {
                ["module"] = "Contacts",
                ["fields"] = new JsonArray("Last_Name"),
                ["criteria"] = new JsonObject { ["api_name"] = "Last_Name", ["comparator"] = "equal", ["value"] = "Called" },
            },
        });
        response.AssertStatus(System.Net.HttpStatusCode.Created);
        return response.Json["data"]![0]!["details"]!["id"]!.GetValue<string>();
    }

    private async Task<string> CreateWriteAsync(string route, CallbackReceiver receiver)
    {
        var fileId = await _client.UploadCsvAsync("Last_Name\nWritten\n");
        var body = WriteJobs.Body(fileId);
        body["callback"] = new JsonObject { ["url"] = receiver.Url, ["method"] = "post" };
        return await _client.CreateWriteJobAsync(body, route);
    }
}
