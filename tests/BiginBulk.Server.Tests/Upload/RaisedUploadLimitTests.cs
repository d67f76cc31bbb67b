using System.IO.Compression;
using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Upload;

/// <summary>A self-hosted deployment may raise the upload limit past ASP.NET Core's default body cap.</summary>
public sealed class RaisedUploadLimitTests(RaisedUploadLimitFixture fixture) : IClassFixture<RaisedUploadLimitFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task A_35_MB_zip_is_accepted_when_the_limit_is_raised_to_40_MB()
    {
        var response = await Client.UploadAsync(StoredZip(35 * 1024 * 1024));

        UploadAssertions.AssertUploaded(response);
    }

    [Fact]
    public async Task A_zip_over_the_raised_limit_is_FILE_TOO_LARGE_with_status_200_on_v1()
    {
        var response = await Client.UploadAsync(StoredZip(RaisedUploadLimitFixture.MaxUploadBytes + 100_000), path: "/bigin/v1/upload");

        var json = response.AssertError(HttpStatusCode.OK, "FILE_TOO_LARGE");
        Assert.Equal("The maximum file size is 40MB.", json["message"]!.GetValue<string>());
    }

    /// <summary>A zip of about <paramref name="size"/> bytes: one CSV, stored uncompressed so it is cheap to build.</summary>
    private static byte[] StoredZip(long size)
    {
        var line = "Last_Name\n"u8.ToArray();
        var row = "Raised-limit-contact-with-a-long-name-to-fill-the-file\n"u8.ToArray();
        using var buffer = new MemoryStream((int)size + 1024);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = archive.CreateEntry("Raised.csv", CompressionLevel.NoCompression).Open();
            stream.Write(line);
            for (long written = line.Length; written < size; written += row.Length)
            {
                stream.Write(row);
            }
        }

        return buffer.ToArray();
    }
}
