using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.CreateJob;

/// <summary>Create-job bodies missing a key, naming what does not exist, or pointing at an unusable file.</summary>
public sealed class CreateJobRequestErrorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("update")]
    [InlineData("upsert")]
    [InlineData("UPDATE")]
    public async Task Update_or_upsert_without_find_by_is_MANDATORY_NOT_FOUND(string operation)
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Email\nFind,find@example.com\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Body(operation, JobRequests.Resource(fileId)));

        var json = JobRequests.AssertCulprit(response, "MANDATORY_NOT_FOUND", "$.resource[0].find_by", "find_by");
        Assert.Equal("Required key find_by is not available", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_with_an_empty_find_by_is_MANDATORY_NOT_FOUND()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Email\nFind,find@example.com\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Body("update", JobRequests.Resource(fileId, findBy: "")));

        JobRequests.AssertCulprit(response, "MANDATORY_NOT_FOUND", "$.resource[0].find_by", "find_by");
    }

    [Fact]
    public async Task A_body_without_operation_is_MISSING_REQUIRED_KEY_operation()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nNoOp\n");
        var body = JobRequests.Insert(fileId);
        body.Remove("operation");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        var json = JobRequests.AssertCulprit(response, "MISSING_REQUIRED_KEY", "$.operation", "operation");
        Assert.Equal("required key operation is not found in request body.", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_without_resource_is_MISSING_REQUIRED_KEY_resource()
    {
        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, new JsonObject { ["operation"] = "insert" });

        JobRequests.AssertCulprit(response, "MISSING_REQUIRED_KEY", "$.resource", "resource");
    }

    [Fact]
    public async Task A_body_with_an_empty_resource_array_is_MISSING_REQUIRED_KEY_resource()
    {
        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, new JsonObject { ["operation"] = "insert", ["resource"] = new JsonArray() });

        JobRequests.AssertCulprit(response, "MISSING_REQUIRED_KEY", "$.resource", "resource");
    }

    [Theory]
    [InlineData("file_id")]
    [InlineData("module")]
    [InlineData("type")]
    public async Task A_resource_without_a_required_key_is_MISSING_REQUIRED_KEY_naming_it(string key)
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nNoKey\n");
        var resource = JobRequests.Resource(fileId);
        resource.Remove(key);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Body("insert", resource));

        JobRequests.AssertCulprit(response, "MISSING_REQUIRED_KEY", $"$.resource[0].{key}", key);
    }

    [Fact]
    public async Task The_postman_MISSING_REQUIRED_KEY_response_has_the_documented_shape()
    {
        var body = JobRequests.Body("insert", JobRequests.Resource("1"));
        body["resource"]![0]!.AsObject().Remove("file_id");

        var response = await Client.PostJsonAsync("/crm/bulk/v2/write", body);

        response.AssertError(HttpStatusCode.BadRequest, "MISSING_REQUIRED_KEY");
        JsonShape.AssertSame(Fixtures.Load("crm-missing-required-key.json"), response.Json, openObjects: ["$.details"]);
    }

    [Theory]
    [InlineData("111111000000541958")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("12.5")]
    [InlineData(" 111111000000541958")]
    [InlineData("99999999999999999999999")]
    [InlineData("")]
    public async Task A_file_id_that_is_not_an_uploaded_file_is_INVALID_FILE_ID(string fileId)
    {
        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId));

        var json = JobRequests.AssertCulprit(response, "INVALID_FILE_ID", "$.resource[0].file_id", "file_id");
        Assert.Equal("improper file id", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_numeric_file_id_that_was_never_uploaded_is_INVALID_FILE_ID()
    {
        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, """{"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":111111000000541958}]}""");

        JobRequests.AssertCulprit(response, "INVALID_FILE_ID", "$.resource[0].file_id", "file_id");
    }

    [Theory]
    [InlineData("Leads")]
    [InlineData("Users")]
    [InlineData("Notes")]
    [InlineData("asdf")]
    [InlineData("")]
    public async Task An_unknown_module_is_MODULE_NOT_AVAILABLE(string module)
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nModule\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Body("insert", JobRequests.Resource(fileId, module: module)));

        var json = JobRequests.AssertCulprit(response, "MODULE_NOT_AVAILABLE", "$.resource[0].module", module);
        Assert.Equal($"Requested module '{module}' is not available.", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_module_given_as_an_object_is_MODULE_NOT_AVAILABLE()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nModule\n");

        var response = await Client.PostJsonAsync("/crm/bulk/v8/write", JobRequests.Body("insert", JobRequests.Resource(fileId, module: new JsonObject { ["api_name"] = "Leads" })));

        JobRequests.AssertCulprit(response, "MODULE_NOT_AVAILABLE", "$.resource[0].module", "Leads");
    }

    [Theory]
    [InlineData("Last_Name,,Email\nEmpty,,empty@example.com\n")]
    [InlineData(",Last_Name\nx,Empty\n")]
    [InlineData("Last_Name,Email,\nEmpty,empty@example.com,\n")]
    public async Task A_csv_with_an_empty_header_is_FILE_NOT_SUPPORTED(string csv)
    {
        var fileId = await Client.UploadCsvAsync(csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId));

        JobRequests.AssertCulprit(response, "FILE_NOT_SUPPORTED", "$.resource[0].file_id");
    }

    [Fact]
    public async Task An_empty_csv_is_FILE_NOT_SUPPORTED()
    {
        var fileId = await Client.UploadCsvAsync("");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId));

        JobRequests.AssertCulprit(response, "FILE_NOT_SUPPORTED", "$.resource[0].file_id");
    }

    [Fact]
    public async Task An_unsupported_character_encoding_is_INVALID_DATA_at_the_key()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nEncoding\n");
        var body = JobRequests.Insert(fileId);
        body["character_encoding"] = "EBCDIC-Klingon";

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        JobRequests.AssertCulprit(response, "INVALID_DATA", "$.character_encoding", "character_encoding");
    }

    [Fact]
    public async Task More_than_one_resource_is_refused_at_resource()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nTwo\n");
        var body = new JsonObject { ["operation"] = "insert", ["resource"] = new JsonArray(JobRequests.Resource(fileId), JobRequests.Resource(fileId)) };

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        JobRequests.AssertCulprit(response, "INVALID_DATA", "$.resource");
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("read")]
    [InlineData("")]
    public async Task An_unknown_operation_is_INVALID_DATA_at_operation(string operation)
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nOperation\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Body(operation, JobRequests.Resource(fileId)));

        JobRequests.AssertCulprit(response, "INVALID_DATA", "$.operation", "operation");
    }

    [Fact]
    public async Task A_resource_type_other_than_data_is_INVALID_DATA_at_type()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nType\n");
        var resource = JobRequests.Resource(fileId);
        resource["type"] = "meta";

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Body("insert", resource));

        JobRequests.AssertCulprit(response, "INVALID_DATA", "$.resource[0].type", "type");
    }
}
