using System.IO.Compression;
using System.Text;
using BiginBulk.Client.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.Wire;

/// <summary>The upload as Bigin's Upload File page documents it: multipart part <c>file</c>, a zip, <c>feature</c> and <c>X-CRM-ORG</c>.</summary>
public sealed class UploadWireTests
{
    [Fact]
    public async Task A_csv_file_is_sent_as_a_zip_in_the_file_part_with_the_feature_and_org_headers()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"contacts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "Last_Name,Email\nLovelace,ada@example.com\n");
        var stub = new StubHandler((_, _) => Task.FromResult(StubHandler.Json(ZohoAnswers.Uploaded)));
        using var client = new BiginClient(BiginCredential.FromAccessToken("1000.t"), new BiginClientOptions(ZohoDataCenter.US) { OrgId = "7001", Transport = stub });

        var fileId = await client.UploadFileAsync(csv);

        Assert.Equal("111111000000541958", fileId);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("bulk-write", request.Header("feature"));
        Assert.Equal("7001", request.Header("X-CRM-ORG"));
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType, StringComparison.Ordinal);
        var (disposition, zip) = SinglePart(request);
        Assert.Equal($"Content-Disposition: form-data; name=\"file\"; filename=\"{Path.GetFileNameWithoutExtension(csv)}.zip\"", disposition);
        using var archive = new ZipArchive(new MemoryStream(zip));
        var entry = Assert.Single(archive.Entries);
        Assert.Equal(Path.GetFileName(csv), entry.FullName);
        using var reader = new StreamReader(entry.Open());
        Assert.Equal("Last_Name,Email\nLovelace,ada@example.com\n", await reader.ReadToEndAsync());
        File.Delete(csv);
    }

    [Fact]
    public async Task A_seekable_stream_is_sent_again_whole_when_the_upload_is_retried()
    {
        var stub = new StubHandler((_, index) => Task.FromResult(index == 0
            ? StubHandler.Json("""{"status":"error"}""", System.Net.HttpStatusCode.ServiceUnavailable)
            : StubHandler.Json(ZohoAnswers.Uploaded)));
        using var client = new BiginClient(BiginCredential.FromAccessToken("1000.t"),
            new BiginClientOptions(ZohoDataCenter.EU) { OrgId = "1", Transport = stub, RetryDelay = TimeSpan.FromMilliseconds(10) });

        await client.UploadCsvAsync(new MemoryStream("Last_Name\nHopper\n"u8.ToArray()), "c.csv");

        Assert.Equal(2, stub.Requests.Count);
        foreach (var request in stub.Requests)
        {
            using var archive = new ZipArchive(new MemoryStream(SinglePart(request).Content));
            using var reader = new StreamReader(archive.Entries[0].Open());
            Assert.Equal("Last_Name\nHopper\n", await reader.ReadToEndAsync());
        }
    }

    /// <summary>Splits a one-part multipart body into its Content-Disposition and its bytes.</summary>
    private static (string Disposition, byte[] Content) SinglePart(RecordedRequest request)
    {
        var boundary = "--" + request.ContentType!.Split("boundary=")[1].Trim('"');
        var body = request.Body;
        var text = Encoding.Latin1.GetString(body);
        var start = text.IndexOf(boundary, StringComparison.Ordinal);
        Assert.Equal(1, text.Split(boundary).Length - 2);
        var headersEnd = text.IndexOf("\r\n\r\n", start, StringComparison.Ordinal) + 4;
        var end = text.IndexOf("\r\n" + boundary, headersEnd, StringComparison.Ordinal);
        var headers = text[start..headersEnd];
        var disposition = headers.Split("\r\n").Single(l => l.StartsWith("Content-Disposition", StringComparison.OrdinalIgnoreCase));
        return (disposition, body[headersEnd..end]);
    }
}
