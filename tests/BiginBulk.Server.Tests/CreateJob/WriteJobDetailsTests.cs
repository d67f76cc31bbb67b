using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.CreateJob;

/// <summary>
/// Reading back a created job: unknown ids, and the module in the shape of the route's version
/// (string on Bigin and CRM v2, <c>{api_name, id}</c> on CRM v3+; sdk wire notes §9.1).
/// </summary>
public sealed class WriteJobDetailsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("/bigin/bulk/v2/write/111111000002308098")]
    [InlineData("/bigin/bulk/v2/write/abc")]
    [InlineData("/bigin/bulk/v2/write/-1")]
    [InlineData("/bigin/bulk/v2/write/0")]
    [InlineData("/bigin/bulk/v2/write/99999999999999999999999")]
    [InlineData("/bigin/bulk/v2/write/1e5")]
    [InlineData("/crm/bulk/v2/write/111111000002308098")]
    [InlineData("/crm/bulk/v8/write/abc")]
    public async Task Details_of_a_job_that_does_not_exist_are_404_RESOURCE_NOT_FOUND(string path)
    {
        var response = await Client.GetAsync(path);

        var json = response.AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal("The requested resource doesn't exist.", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Details_of_a_file_id_are_not_a_job()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nNotAJob\n");

        var response = await Client.GetAsync($"/bigin/bulk/v2/write/{fileId}");

        response.AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [InlineData("/bigin/bulk/v2/write")]
    [InlineData("/crm/bulk/v2/write")]
    public async Task Bigin_and_CRM_v2_details_render_the_module_as_a_string(string path)
    {
        var jobId = await CreateJob(path, new JsonObject { ["api_name"] = "Contacts" });

        var job = await Details(path, jobId);

        Assert.Equal("string", JsonShape.Kind(job["resource"]![0]!["module"]));
        Assert.Equal("Contacts", job["resource"]![0]!["module"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/crm/bulk/v8/write")]
    [InlineData("/crm/bulk/v3/write")]
    public async Task CRM_v3_and_later_details_render_the_module_as_an_object(string path)
    {
        var jobId = await CreateJob(path, "Contacts");

        var module = (await Details(path, jobId))["resource"]![0]!["module"]!.AsObject();

        Assert.Equal(["api_name", "id"], JobRequests.Keys(module));
        Assert.Equal("Contacts", module["api_name"]!.GetValue<string>());
        Upload.UploadAssertions.AssertIdString(module["id"]);
    }

    [Fact]
    public async Task The_same_job_reads_back_in_the_shape_of_each_route()
    {
        var jobId = await CreateJob("/bigin/bulk/v2/write", "Deals");

        Assert.Equal("Deals", (await Details("/crm/bulk/v2/write", jobId))["resource"]![0]!["module"]!.GetValue<string>());
        Assert.Equal("Deals", (await Details("/crm/bulk/v8/write", jobId))["resource"]![0]!["module"]!["api_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Details_echo_what_was_created()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Email\nEcho,echo@example.com\n", "Echo.csv");
        var body = JobRequests.Body("upsert", JobRequests.Resource(fileId, findBy: "Email"));
        body["ignore_empty"] = true;
        var jobId = JobRequests.AssertCreated(await Client.PostJsonAsync(JobRequests.BiginWrite, body), fixture.Server);

        var job = await Details(JobRequests.BiginWrite, jobId);

        Assert.Equal(jobId, job["id"]!.GetValue<string>());
        Assert.Equal("upsert", job["operation"]!.GetValue<string>());
        Assert.True(job["ignore_empty"]!.GetValue<bool>());
        Assert.Equal(fixture.Server.Credentials.UserId, job["created_by"]!["id"]!.GetValue<string>());
        Upload.UploadAssertions.AssertIsoTime(job["created_time"]);
        var resource = job["resource"]![0]!;
        Assert.Equal("data", resource["type"]!.GetValue<string>());
        Assert.Equal("Email", resource["find_by"]!.GetValue<string>());
        Assert.Equal("Echo.csv", resource["file"]!["name"]!.GetValue<string>());
        Assert.Contains(job["status"]!.GetValue<string>(), new[] { "ADDED", "IN PROGRESS", "COMPLETED" });
    }

    private async Task<string> CreateJob(string path, JsonNode module)
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Deal_Name,Stage,Sub_Pipeline\nShape,Deal,Qualification,Sales Pipeline Standard\n");
        var mappings = module.ToJsonString().Contains("Deals", StringComparison.Ordinal)
            ? new JsonArray(JobRequests.Mapping("Deal_Name", 1), JobRequests.Mapping("Stage", 2), JobRequests.Mapping("Sub_Pipeline", 3))
            : new JsonArray(JobRequests.Mapping("Last_Name", 0));
        var response = await Client.PostJsonAsync(path, JobRequests.Body("insert", JobRequests.Resource(fileId, module: module, mappings: mappings)));
        return JobRequests.AssertCreated(response, fixture.Server);
    }

    private async Task<JsonObject> Details(string path, string jobId)
    {
        var response = await Client.GetAsync($"{path}/{jobId}");
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", response.ContentType);
        return response.Json.AsObject();
    }
}
