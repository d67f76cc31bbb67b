using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Upload;

public sealed class UploadSuccessTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Csv = "Last_Name,Email\nUpload,upload@example.com\n";

    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("/bigin/v2/upload")]
    [InlineData("/bigin/v1/upload")]
    [InlineData("/crm/v2/upload")]
    [InlineData("/crm/v7/upload")]
    [InlineData("/crm/v8/upload")]
    public async Task Upload_of_a_zip_with_one_csv_answers_FILE_UPLOAD_SUCCESS_with_a_numeric_file_id(string path)
    {
        var response = await Client.UploadAsync(ZipFiles.WithCsv(Csv), path: path);

        UploadAssertions.AssertUploaded(response);
    }

    [Fact]
    public async Task Upload_success_has_the_documented_shape()
    {
        var response = await Client.UploadAsync(ZipFiles.WithCsv(Csv));

        response.AssertStatus(HttpStatusCode.OK);
        JsonShape.AssertSame(Fixtures.Load("upload-success.json"), response.Json);
    }

    [Fact]
    public async Task Each_upload_gets_its_own_file_id()
    {
        var first = UploadAssertions.AssertUploaded(await Client.UploadAsync(ZipFiles.WithCsv(Csv)));
        var second = UploadAssertions.AssertUploaded(await Client.UploadAsync(ZipFiles.WithCsv(Csv)));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Uploaded_file_id_can_be_used_to_create_a_write_job()
    {
        var fileId = UploadAssertions.AssertUploaded(await Client.UploadAsync(ZipFiles.WithCsv(Csv)));

        var response = await Client.PostJsonAsync("/bigin/bulk/v2/write", Insert(fileId));

        response.AssertStatus(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("Contacts.zip")]
    [InlineData("")]
    public async Task Upload_in_Zoho_SDK8_multipart_framing_is_accepted(string fileName)
    {
        var zip = ZipFiles.WithCsv(Csv, "Sdk8.csv");

        var response = await Client.UploadWithHeadersAsync(Sdk8Multipart.Content(zip, fileName), "/crm/v8/upload", ("feature", "bulk-write"), ("X-CRM-ORG", Client.OrgId));

        var fileId = UploadAssertions.AssertUploaded(response);
        // The zip arrived intact (no stray CRLF from the framing): a job reads its header and names its file.
        var jobId = await Client.CreateWriteJobAsync(Insert(fileId));
        var details = await Client.GetAsync($"/bigin/bulk/v2/write/{jobId}");
        details.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Sdk8.csv", details.Json["resource"]![0]!["file"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_ignores_folders_and_macOS_metadata_next_to_the_csv()
    {
        var zip = ZipFiles.WithEntries(
            ("__MACOSX/._Contacts.csv", [0, 5, 22, 7]),
            ("Contacts.csv", "Last_Name\nMac\n"u8.ToArray()),
            (".DS_Store", [0, 0, 0, 1]));

        var response = await Client.UploadAsync(zip);

        UploadAssertions.AssertUploaded(response);
    }

    [Fact]
    public async Task Upload_accepts_the_feature_header_value_in_any_case()
    {
        var response = await Client.UploadAsync(ZipFiles.WithCsv(Csv), feature: "Bulk-Write");

        UploadAssertions.AssertUploaded(response);
    }

    [Fact]
    public async Task Upload_accepts_parts_before_the_file_part()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("ignored"), "note" },
        };
        content.Add(new ByteArrayContent(ZipFiles.WithCsv(Csv)), "file", "later.zip");

        var response = await Client.UploadWithHeadersAsync(content, "/bigin/v2/upload", ("feature", "bulk-write"), ("X-CRM-ORG", Client.OrgId));

        UploadAssertions.AssertUploaded(response);
    }

    private static JsonObject Insert(string fileId) => new()
    {
        ["operation"] = "insert",
        ["resource"] = new JsonArray(new JsonObject { ["type"] = "data", ["module"] = "Contacts", ["file_id"] = fileId }),
    };
}
