using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.CreateJob;

/// <summary>Field mapping errors of create-job (spec/zoho-docs/bigin-create-bulk-write-job.txt, "Possible error codes").</summary>
public sealed class CreateJobMappingErrorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Csv = "Last_Name,Email,Date_of_Birth\nMapping,mapping@example.com,04/01/1990\n";

    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Insert_mapping_no_mandatory_field_is_MANDATORY_FIELDS_NOT_MAPPED_naming_it()
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId, [JobRequests.Mapping("Email", 1)]));

        var json = JobRequests.AssertCulprit(response, "MANDATORY_FIELDS_NOT_MAPPED", "$.resource[0].field_mappings");
        Assert.Equal(["Last_Name"], json["details"]!["api_names"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Insert_of_a_file_without_the_mandatory_column_is_MANDATORY_FIELDS_NOT_MAPPED()
    {
        var fileId = await Client.UploadCsvAsync("Email,First_Name\nnolast@example.com,No\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId));

        var json = JobRequests.AssertCulprit(response, "MANDATORY_FIELDS_NOT_MAPPED", "$.resource[0].field_mappings");
        Assert.Contains("Last_Name", json["details"]!["api_names"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Pipelines_insert_names_every_unmapped_mandatory_field()
    {
        var fileId = await Client.UploadCsvAsync("Deal_Name\nBig deal\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Body("insert", JobRequests.Resource(fileId, module: "Deals")));

        var json = JobRequests.AssertCulprit(response, "MANDATORY_FIELDS_NOT_MAPPED", "$.resource[0].field_mappings");
        Assert.Equal(["Stage", "Sub_Pipeline"], json["details"]!["api_names"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Upsert_whose_find_by_field_is_not_mapped_is_MANDATORY_FIELDS_NOT_MAPPED_at_find_by()
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite,
            JobRequests.Body("upsert", JobRequests.Resource(fileId, mappings: [JobRequests.Mapping("Last_Name", 0)], findBy: "Email")));

        var json = JobRequests.AssertCulprit(response, "MANDATORY_FIELDS_NOT_MAPPED", "$.resource[0].find_by");
        Assert.Equal(["Email"], json["details"]!["api_names"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task A_mapping_with_neither_index_nor_default_value_is_MISSING_REQUIRED_KEY_index()
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0), JobRequests.Mapping("Email")]));

        var json = JobRequests.AssertCulprit(response, "MISSING_REQUIRED_KEY", "$.resource[0].field_mappings[1].index", "Email");
        Assert.Equal("required key index for field Email is not found in request body.", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mapping_without_api_name_is_MISSING_REQUIRED_KEY_api_name()
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0), new JsonObject { ["index"] = 1 }]));

        JobRequests.AssertCulprit(response, "MISSING_REQUIRED_KEY", "$.resource[0].field_mappings[1].api_name", "api_name");
    }

    [Theory]
    [InlineData("Nope")]
    [InlineData("ast_Name")]
    [InlineData("Leads.Company")]
    [InlineData("")]
    public async Task An_unknown_api_name_in_a_mapping_is_INVALID_FIELD(string apiName)
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0), JobRequests.Mapping(apiName, 1)]));

        JobRequests.AssertCulprit(response, "INVALID_FIELD", "$.resource[0].field_mappings[1].api_name", apiName);
    }

    [Theory]
    [InlineData("Created_Time")]
    [InlineData("Modified_By")]
    [InlineData("Full_Name")]
    public async Task A_read_only_field_in_a_mapping_is_INVALID_FIELD(string apiName)
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0), JobRequests.Mapping(apiName, 1)]));

        JobRequests.AssertCulprit(response, "INVALID_FIELD", "$.resource[0].field_mappings[1].api_name", apiName);
    }

    [Fact]
    public async Task An_unknown_column_in_the_header_row_is_INVALID_FIELD_naming_the_column()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Shoe_Size\nHeader,42\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId));

        var json = response.AssertError(HttpStatusCode.BadRequest, "INVALID_FIELD");
        Assert.Equal("Shoe_Size", json["details"]!["api_name"]!.GetValue<string>());
        Assert.Contains("file_id", json["details"]!["json_path"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_field_mapped_twice_is_INVALID_FIELD()
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0), JobRequests.Mapping("Last_Name", 1)]));

        var json = response.AssertError(HttpStatusCode.BadRequest, "INVALID_FIELD");
        Assert.Equal("Last_Name", json["details"]!["api_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Last_Name", "upsert")]
    [InlineData("Phone", "update")]
    [InlineData("Created_Time", "upsert")]
    [InlineData("Nope", "update")]
    public async Task Find_by_a_field_that_is_not_unique_is_INVALID_FIELD(string findBy, string operation)
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Body(operation, JobRequests.Resource(fileId, findBy: findBy)));

        JobRequests.AssertCulprit(response, "INVALID_FIELD", "$.resource[0].find_by", findBy);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(200)]
    [InlineData(int.MaxValue)]
    public async Task An_index_outside_the_file_columns_is_COLUMN_INDEX_NOT_FOUND(int index)
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0), JobRequests.Mapping("Email", index)]));

        var json = JobRequests.AssertCulprit(response, "COLUMN_INDEX_NOT_FOUND", "$.resource[0].field_mappings[1].index", "Email");
        Assert.Equal(index, json["details"]!["index"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_file_with_201_columns_is_HEADER_LIMIT_EXCEEDED()
    {
        var header = string.Join(',', ["Last_Name", .. Enumerable.Range(1, 200).Select(i => $"Column_{i}")]);
        var fileId = await Client.UploadCsvAsync($"{header}\n{new string(',', 200)}\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId));

        var json = JobRequests.AssertCulprit(response, "HEADER_LIMIT_EXCEEDED", "$.resource[0].file_id");
        Assert.Equal(200, json["details"]!["max_limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_file_with_200_columns_is_not_refused_for_its_width()
    {
        var header = string.Join(',', ["Last_Name", .. Enumerable.Range(1, 199).Select(i => $"Column_{i}")]);
        var fileId = await Client.UploadCsvAsync($"{header}\n{new string(',', 199)}\n");

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId));

        // The columns are unknown fields, so the job is refused, but not for the width.
        response.AssertError(HttpStatusCode.BadRequest, "INVALID_FIELD");
    }

    [Fact]
    public async Task Mapping_201_fields_is_HEADER_LIMIT_EXCEEDED()
    {
        var fileId = await Client.UploadCsvAsync(Csv);
        JsonArray mappings = [.. Enumerable.Range(0, 201).Select(_ => JobRequests.Mapping("Last_Name", 0))];

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId, mappings));

        var json = JobRequests.AssertCulprit(response, "HEADER_LIMIT_EXCEEDED", "$.resource[0].field_mappings");
        Assert.Equal(200, json["details"]!["max_limit"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("yyyy/MM")]
    [InlineData("qqqq")]
    [InlineData("yyyy-MM-dd'T")]
    [InlineData("")]
    public async Task A_bad_date_format_pattern_is_INVALID_FORMAT_at_the_format(string format)
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite,
            JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0), JobRequests.Mapping("Date_of_Birth", 2, format: format)]));

        JobRequests.AssertCulprit(response, "INVALID_FORMAT", "$.resource[0].field_mappings[1].format", "Date_of_Birth");
    }

    [Fact]
    public async Task A_format_on_a_field_that_is_not_a_date_is_INVALID_FORMAT()
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0, format: "yyyy/MM/dd")]));

        JobRequests.AssertCulprit(response, "INVALID_FORMAT", "$.resource[0].field_mappings[0].format", "Last_Name");
    }

    [Fact]
    public async Task A_valid_date_format_pattern_is_accepted()
    {
        var fileId = await Client.UploadCsvAsync(Csv);

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite,
            JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0), JobRequests.Mapping("Date_of_Birth", 2, format: "MM/dd/yyyy")]));

        JobRequests.AssertCreated(response, fixture.Server);
    }
}
