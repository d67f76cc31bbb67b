using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Upload;

/// <summary>Files Bigin's bulk write does not take (contract notes §1.5, §1.6), and that nothing is kept of them.</summary>
public sealed class UploadRejectionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly byte[] Csv = "Last_Name\nReject\n"u8.ToArray();

    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("/bigin/v2/upload", HttpStatusCode.BadRequest)]
    [InlineData("/crm/v7/upload", HttpStatusCode.BadRequest)]
    [InlineData("/crm/v8/upload", HttpStatusCode.BadRequest)]
    [InlineData("/bigin/v1/upload", HttpStatusCode.OK)]
    public async Task A_bare_csv_is_refused_with_INVALID_FILE_FORMAT(string path, HttpStatusCode status)
    {
        var response = await Client.UploadAsync(Csv, "Contacts.csv", path);

        var json = response.AssertError(status, "INVALID_FILE_FORMAT");
        Assert.Equal("The file you uploaded is not in the zip format.", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_file_is_refused_with_INVALID_FILE_FORMAT()
    {
        var response = await Client.UploadAsync([]);

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_FILE_FORMAT");
    }

    [Fact]
    public async Task A_truncated_zip_is_refused_with_INVALID_FILE_FORMAT()
    {
        var zip = ZipFiles.WithEntry("Contacts.csv", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Last_Name\nTruncated\n", 200))));

        var response = await Client.UploadAsync(zip[..(zip.Length / 2)]);

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_FILE_FORMAT");
    }

    [Fact]
    public async Task A_zip_without_a_csv_is_refused_with_FILE_NOT_SUPPORTED()
    {
        var response = await Client.UploadAsync(ZipFiles.WithEntries());

        var json = response.AssertError(HttpStatusCode.BadRequest, "FILE_NOT_SUPPORTED");
        Assert.Contains("none", json["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_with_two_csv_files_is_refused_with_FILE_NOT_SUPPORTED_naming_both()
    {
        var response = await Client.UploadAsync(ZipFiles.WithEntries(("First.csv", Csv), ("Second.csv", Csv)));

        var message = response.AssertError(HttpStatusCode.BadRequest, "FILE_NOT_SUPPORTED")["message"]!.GetValue<string>();
        Assert.Contains("First.csv", message, StringComparison.Ordinal);
        Assert.Contains("Second.csv", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Contacts.txt")]
    [InlineData("Contacts.xlsx")]
    [InlineData("Contacts")]
    public async Task A_zip_whose_only_entry_is_not_a_csv_is_refused_with_FILE_NOT_SUPPORTED(string entryName)
    {
        var response = await Client.UploadAsync(ZipFiles.WithEntry(entryName, Csv));

        var message = response.AssertError(HttpStatusCode.BadRequest, "FILE_NOT_SUPPORTED")["message"]!.GetValue<string>();
        Assert.Contains(entryName, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("folder/Contacts.csv")]
    [InlineData("../Contacts.csv")]
    [InlineData("../../etc/Contacts.csv")]
    [InlineData("a/../Contacts.csv")]
    [InlineData("/tmp/Contacts.csv")]
    [InlineData("C:/Contacts.csv")]
    [InlineData("..\\Contacts.csv")]
    [InlineData("Con\u0001tacts.csv")]
    public async Task A_csv_entry_whose_name_is_a_path_is_refused_with_FILE_NOT_SUPPORTED(string entryName)
    {
        var response = await Client.UploadAsync(ZipFiles.WithEntry(entryName, Csv));

        response.AssertError(HttpStatusCode.BadRequest, "FILE_NOT_SUPPORTED");
    }

    [Theory]
    [InlineData("/bigin/v2/upload", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("/bigin/v1/upload", HttpStatusCode.OK)]
    public async Task A_zip_over_Zohos_25_MB_is_refused_with_FILE_TOO_LARGE(string path, HttpStatusCode status)
    {
        var zip = new byte[(25 * 1024 * 1024) + 512 * 1024];
        Buffer.BlockCopy(ZipFiles.WithEntry("Big.csv", Csv), 0, zip, 0, 100);

        var response = await Client.UploadAsync(zip, path: path);

        var json = response.AssertError(status, "FILE_TOO_LARGE");
        Assert.Equal("The maximum file size is 25MB.", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refused_uploads_store_nothing()
    {
        var before = StoredFiles.Count(fixture.Server);

        (await Client.UploadAsync(Csv)).AssertError(HttpStatusCode.BadRequest, "INVALID_FILE_FORMAT");
        (await Client.UploadAsync(ZipFiles.WithEntries(("A.csv", Csv), ("B.csv", Csv)))).AssertError(HttpStatusCode.BadRequest, "FILE_NOT_SUPPORTED");
        (await Client.UploadAsync(ZipFiles.WithEntry("../A.csv", Csv))).AssertError(HttpStatusCode.BadRequest, "FILE_NOT_SUPPORTED");
        (await Client.UploadAsync(ZipFiles.WithEntry("A.csv", Csv), feature: null)).AssertStatus(HttpStatusCode.BadRequest);
        (await Client.UploadAsync(Csv, path: "/bigin/v1/upload")).AssertError(HttpStatusCode.OK, "INVALID_FILE_FORMAT");

        Assert.Equal(before, StoredFiles.Count(fixture.Server));
        // The check itself can see a stored file.
        UploadAssertions.AssertUploaded(await Client.UploadAsync(ZipFiles.WithEntry("A.csv", Csv)));
        Assert.Equal(before + 1, StoredFiles.Count(fixture.Server));
    }

    [Theory]
    [InlineData("111111000000541958")]
    [InlineData("9223372036854775807")]
    public async Task A_file_id_that_was_never_uploaded_cannot_be_used_in_a_job(string fileId)
    {
        var body = new JsonObject
        {
            ["operation"] = "insert",
            ["resource"] = new JsonArray(new JsonObject { ["type"] = "data", ["module"] = "Contacts", ["file_id"] = fileId }),
        };

        var response = await Client.PostJsonAsync("/bigin/bulk/v2/write", body);

        var json = response.AssertError(HttpStatusCode.BadRequest, "INVALID_FILE_ID");
        Assert.Equal("$.resource[0].file_id", json["details"]!["json_path"]!.GetValue<string>());
    }
}
