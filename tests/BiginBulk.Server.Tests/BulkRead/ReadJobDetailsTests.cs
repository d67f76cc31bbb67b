using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>GET …/read/{id}: the query echoed in the route's shape, and <c>result</c> once COMPLETED.</summary>
public sealed class ReadJobDetailsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("/bigin/bulk/v1/read")]
    [InlineData("/bigin/bulk/v2/read")]
    public async Task A_completed_job_echoes_the_query_flat_and_has_a_result_on_its_own_route(string route)
    {
        var sample = JsonNode.Parse(ReadSamples.WithLookupFields)!.AsObject();
        var jobId = await Client.CreateReadJobAsync(sample, route);

        var job = await Client.WaitForReadJobAsync(jobId, route);

        Assert.Equal(["created_by", "created_time", "file_type", "id", "operation", "query", "result", "state"], job.Select(p => p.Key).Order());
        Assert.Equal(jobId, job["id"]!.GetValue<string>());
        Assert.Equal("read", job["operation"]!.GetValue<string>());
        Assert.Equal("COMPLETED", job["state"]!.GetValue<string>());
        Assert.Equal("csv", job["file_type"]!.GetValue<string>());
        Assert.Equal(fixture.Server.Credentials.UserId, job["created_by"]!["id"]!.GetValue<string>());
        DateTimeOffset.ParseExact(job["created_time"]!.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var expectedQuery = sample["query"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(expectedQuery, job["query"]), $"query echo differs:\nsent {expectedQuery.ToJsonString()}\ngot  {job["query"]!.ToJsonString()}");
        var result = job["result"]!.AsObject();
        Assert.Equal(["count", "download_url", "more_records", "page", "per_page"], result.Select(p => p.Key).Order());
        Assert.Equal(1, result["page"]!.GetValue<int>());
        Assert.Equal(200_000, result["per_page"]!.GetValue<int>());
        Assert.Equal(0, result["count"]!.GetValue<int>());
        Assert.False(result["more_records"]!.GetValue<bool>());
        Assert.Equal($"{route}/{jobId}/result", result["download_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task On_CRM_v8_the_query_is_echoed_with_object_shapes()
    {
        const string route = "/crm/bulk/v8/read";
        var sample = ReadSamples.ToCrmShape(ReadSamples.WithLookupFields);
        var jobId = await Client.CreateReadJobAsync(sample, route);

        var job = await Client.WaitForReadJobAsync(jobId, route);

        var query = job["query"]!.AsObject();
        Assert.Equal("Contacts", query["module"]!["api_name"]!.GetValue<string>());
        Assert.True(long.TryParse(query["module"]!["id"]!.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out _));
        var expectedCriteria = sample["query"]!["criteria"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(expectedCriteria, query["criteria"]), $"criteria echo differs: {query["criteria"]!.ToJsonString()}");
        Assert.Equal($"{route}/{jobId}/result", job["result"]!["download_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_echo_is_canonical_typed_values_and_defined_field_casing()
    {
        var body = JsonNode.Parse("""
            {"query":{"module":"events","file_type":"ics","criteria":{"group_operator":"OR","group":[
              {"api_name":"all_day","comparator":"EQUAL","value":"false"},
              {"api_name":"Owner","comparator":"in","value":"554023000000695002"}]}}}
            """)!;
        var jobId = await Client.CreateReadJobAsync(body);

        var job = await Client.WaitForReadJobAsync(jobId);

        var expected = JsonNode.Parse("""
            {"module":"Events","criteria":{"group":[
              {"api_name":"All_day","comparator":"equal","value":false},
              {"api_name":"Owner","comparator":"in","value":["554023000000695002"]}],"group_operator":"or"},"page":1}
            """);
        Assert.True(JsonNode.DeepEquals(expected, job["query"]), $"query echo: {job["query"]!.ToJsonString()}");
        Assert.Equal("ics", job["file_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cvid_and_page_are_echoed()
    {
        var views = await Client.GetAsync("/bigin/v2/settings/custom_views?module=Contacts");
        var cvid = views.Json["custom_views"]![0]!["id"]!.GetValue<string>();
        var jobId = await Client.CreateReadJobAsync(JsonNode.Parse($$$"""{"query":{"module":"Contacts","cvid":"{{{cvid}}}","page":2}}""")!);

        var job = await Client.WaitForReadJobAsync(jobId);

        Assert.Equal(cvid, job["query"]!["cvid"]!.GetValue<string>());
        Assert.Equal(2, job["query"]!["page"]!.GetValue<int>());
        Assert.Equal(2, job["result"]!["page"]!.GetValue<int>());
        Assert.Equal(0, job["result"]!["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/bigin/bulk/v1/read/123456789")]
    [InlineData("/bigin/bulk/v2/read/123456789")]
    [InlineData("/bigin/bulk/v2/read/abc")]
    [InlineData("/bigin/bulk/v2/read/-5")]
    [InlineData("/bigin/bulk/v2/read/99999999999999999999999")]
    [InlineData("/bigin/bulk/v2/read/123456789/result")]
    [InlineData("/bigin/bulk/v1/read/abc/result")]
    [InlineData("/crm/bulk/v8/read/123456789")]
    public async Task An_unknown_or_malformed_job_id_is_404_RESOURCE_NOT_FOUND(string path)
    {
        var response = await Client.GetAsync(path);

        response.AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task A_write_job_id_is_not_a_read_job()
    {
        var run = await Client.RunWriteAsync("Last_Name\nDetailsWrite\n", fileName: "DetailsWrite.csv");

        var response = await Client.GetAsync($"/bigin/bulk/v2/read/{run.JobId}");

        response.AssertError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }
}
