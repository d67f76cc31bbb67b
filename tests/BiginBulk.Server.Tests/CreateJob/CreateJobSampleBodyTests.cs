using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.CreateJob;

/// <summary>The request bodies printed in Zoho's pages, sent verbatim but for the file_id (spec/zoho-docs).</summary>
public sealed class CreateJobSampleBodyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string SampleFileId = "111111000000541958";

    /// <summary>bigin-create-bulk-write-job.txt, "Sample request body for bulk insert".</summary>
    private const string BiginInsertSample = """
        {
        "operation": "insert",
        "callback": {
        "url": "http://requestbin.fullcontact.com/1fcimk51",
        "method": "post"
        },
        "resource": [
        {
        "type": "data",
        "module": {
        "api_name": "Contacts"
        },
        "file_id": "111111000000541958",
        "field_mappings": [
        {
        "api_name": "Phone",
        "index": 0
        },
        {
        "api_name": "Email",
        "index": 1
        },
        {
        "api_name": "Last_Name",
        "default_value": {
        "value": "DefaultValue"
        }
        }
        ]
        }
        ]
        }
        """;

    /// <summary>bigin-create-bulk-write-job.txt, "Sample request body for bulk update" (note <c>callBack</c>).</summary>
    private const string BiginUpdateSample = """
        {
        "operation": "update",
        "resource": [
        {
        "type": "data",
        "module": {
        "api_name": "Contacts"
        },
        "file_id": "111111000000541958",
        "field_mappings": [
        {
        "api_name": "Last_Name",
        "index": 0
        },
        {
        "api_name": "Id",
        "index": 1
        }
        ],
        "find_by": "Id"
        }
        ],
        "callBack": {
        "url": "http://requestbin.fullcontact.com/1bvgfh61",
        "method": "post"
        }
        }
        """;

    /// <summary>crm-create-bulk-write-job-postman-sample.txt, with Leads' fields swapped for Bigin Contacts' ones.</summary>
    private const string CrmPostmanSample = """
        {
          "operation": "insert",
          "ignore_empty": true,
          "callback": {
            "url": "https://www.zoho.com/in/crm/",
            "method": "post"
          },
          "resource": [
            {
              "type": "data",
              "module": "Contacts",
              "file_id": "111111000000541958",
              "field_mappings": [
                {
                  "api_name": "Last_Name",
                  "index": 0
                },
                {
                  "api_name": "Owner",
                  "index": 1
                },
                {
                  "api_name": "Date_of_Birth",
                  "index": 2,
                  "format": "yyyy/MM/dd"
                },
                {
                  "api_name": "Mobile",
                  "index": 3
                }
              ]
            }
          ]
        }
        """;

    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Bigin_bulk_insert_sample_body_creates_a_job()
    {
        var fileId = await Client.UploadCsvAsync("Phone,Email\n555-0100,sample.insert@example.com\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, BiginInsertSample.Replace(SampleFileId, fileId, StringComparison.Ordinal));

        var jobId = JobRequests.AssertCreated(response, fixture.Server);
        var job = await Details(JobRequests.BiginWrite, jobId);
        Assert.Equal("http://requestbin.fullcontact.com/1fcimk51", job["callback"]!["url"]!.GetValue<string>());
        Assert.Equal("post", job["callback"]!["method"]!.GetValue<string>());
        Assert.Equal("insert", job["operation"]!.GetValue<string>());
        var mappings = job["resource"]![0]!["field_mappings"]!.AsArray();
        Assert.Equal(["Phone", "Email", "Last_Name"], mappings.Select(m => m!["api_name"]!.GetValue<string>()));
        Assert.Equal("DefaultValue", mappings[2]!["default_value"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bigin_bulk_update_sample_body_with_callBack_creates_a_job()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Id\nUpdated,111111000000000001\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, BiginUpdateSample.Replace(SampleFileId, fileId, StringComparison.Ordinal));

        var jobId = JobRequests.AssertCreated(response, fixture.Server);
        var job = await Details(JobRequests.BiginWrite, jobId);
        Assert.Equal("update", job["operation"]!.GetValue<string>());
        Assert.Equal("Id", job["resource"]![0]!["find_by"]!.GetValue<string>());
        // "callBack" (the sample's spelling) is the callback.
        Assert.Equal("http://requestbin.fullcontact.com/1bvgfh61", job["callback"]!["url"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/crm/bulk/v2/write")]
    [InlineData("/crm/bulk/v8/write")]
    [InlineData("/bigin/bulk/v2/write")]
    public async Task Crm_postman_sample_body_creates_a_job(string path)
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Owner,Date_of_Birth,Mobile\nPostman,,1990/04/01,555-0101\n");

        var response = await Client.PostJsonAsync(path, CrmPostmanSample.Replace(SampleFileId, fileId, StringComparison.Ordinal));

        var jobId = JobRequests.AssertCreated(response, fixture.Server);
        var job = await Details(path, jobId);
        Assert.True(job["ignore_empty"]!.GetValue<bool>());
        Assert.Equal("yyyy/MM/dd", job["resource"]![0]!["field_mappings"]![2]!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task Crm_postman_success_response_has_the_documented_shape()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Owner,Date_of_Birth,Mobile\nShape,,1990/04/01,555-0102\n");

        var response = await Client.PostJsonAsync("/crm/bulk/v2/write", CrmPostmanSample.Replace(SampleFileId, fileId, StringComparison.Ordinal));

        response.AssertStatus(HttpStatusCode.Created);
        JsonShape.AssertSame(Fixtures.Load("crm-create-write-job-success.json"), response.Json);
        JsonShape.AssertSame(Fixtures.Load("create-write-job-success.json"), response.Json);
    }

    [Fact]
    public async Task The_old_SDK_body_with_a_numeric_file_id_and_a_string_module_creates_a_job()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nOldSdk\n");
        var body = $$"""{"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":{{fileId}},"field_mappings":[{"api_name":"Last_Name","index":0}]}]}""";

        var response = await Client.PostJsonAsync("/crm/bulk/v2/write", body);

        JobRequests.AssertCreated(response, fixture.Server);
    }

    [Fact]
    public async Task An_SDK8_body_with_keys_explicitly_set_to_null_creates_a_job()
    {
        // SDK8 sends every key the caller set, and a key set to null as JSON null (sdk wire notes §3).
        var fileId = await Client.UploadCsvAsync("Last_Name,Email\nSdk8,sdk8@example.com\n");
        var body = $$"""
            {
              "operation": "insert",
              "character_encoding": null,
              "ignore_empty": null,
              "callback": null,
              "resource": [
                {
                  "type": "data",
                  "module": { "api_name": "Contacts", "id": null },
                  "file_id": "{{fileId}}",
                  "ignore_empty": null,
                  "find_by": null,
                  "file_names": null,
                  "field_mappings": [
                    { "api_name": "Last_Name", "index": 0, "format": null, "find_by": null, "module": null, "parent_column_index": null, "default_value": null },
                    { "api_name": "Email", "index": 1, "format": null, "find_by": null, "module": null, "parent_column_index": null, "default_value": null }
                  ]
                }
              ]
            }
            """;

        var response = await Client.PostJsonAsync("/crm/bulk/v8/write", body);

        JobRequests.AssertCreated(response, fixture.Server);
    }

    [Theory]
    [InlineData("UTF-8")]
    [InlineData("utf-8")]
    [InlineData("ISO-8859-1")]
    [InlineData("windows-1252")]
    public async Task A_known_character_encoding_is_accepted(string encoding)
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nEncoded\n");
        var body = JobRequests.Insert(fileId);
        body["character_encoding"] = encoding;

        var jobId = JobRequests.AssertCreated(await Client.PostJsonAsync(JobRequests.BiginWrite, body), fixture.Server);

        Assert.Equal(encoding, (await Details(JobRequests.BiginWrite, jobId))["character_encoding"]?.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_sent_like_curl_d_with_a_form_content_type_creates_a_job()
    {
        // The docs' curl sample posts "-d @inputData.json" without a Content-Type, so curl labels it a form.
        var fileId = await Client.UploadCsvAsync("Last_Name\nCurl\n");
        var content = RawRequests.JsonText(JobRequests.Insert(fileId).ToJsonString(), "application/x-www-form-urlencoded");

        var response = await Client.SendAsync(HttpMethod.Post, JobRequests.BiginWrite, content);

        JobRequests.AssertCreated(response, fixture.Server);
    }

    [Fact]
    public async Task A_body_with_a_UTF8_byte_order_mark_creates_a_job()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nBom\n");
        byte[] body = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(JobRequests.Insert(fileId).ToJsonString())];

        var response = await Client.SendAsync(HttpMethod.Post, JobRequests.BiginWrite, RawRequests.JsonBytes(body));

        JobRequests.AssertCreated(response, fixture.Server);
    }

    [Fact]
    public async Task Without_field_mappings_the_header_row_names_the_fields()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Email,Account_Name.Account_Name\nHeader,header@example.com,Acme\n");

        var jobId = JobRequests.AssertCreated(await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId)), fixture.Server);

        var mappings = (await Details(JobRequests.BiginWrite, jobId))["resource"]![0]!["field_mappings"]!.AsArray();
        Assert.Equal(["Last_Name", "Email", "Account_Name"], mappings.Select(m => m!["api_name"]!.GetValue<string>()));
        Assert.Equal([0, 1, 2], mappings.Select(m => m!["index"]!.GetValue<int>()));
        Assert.Equal("Account_Name", mappings[2]!["find_by"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("upsert", "Email")]
    [InlineData("upsert", "Id")]
    [InlineData("update", "Email")]
    [InlineData("insert", "Email")]
    public async Task Find_by_a_unique_field_or_Id_is_accepted(string operation, string findBy)
    {
        var fileId = await Client.UploadCsvAsync("Id,Last_Name,Email\n,Unique,unique@example.com\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Body(operation, JobRequests.Resource(fileId, findBy: findBy)));

        JobRequests.AssertCreated(response, fixture.Server);
    }

    private async Task<JsonObject> Details(string path, string jobId)
    {
        var response = await Client.GetAsync($"{path}/{jobId}");
        response.AssertStatus(HttpStatusCode.OK);
        return response.Json.AsObject();
    }
}
