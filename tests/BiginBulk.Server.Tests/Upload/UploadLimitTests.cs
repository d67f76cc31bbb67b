using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Upload;

/// <summary>The size limits (contract notes §1.5, §4) and zip bombs, on a server with small limits.</summary>
public sealed class UploadLimitTests(SmallUploadLimitsFixture fixture) : IClassFixture<SmallUploadLimitsFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("/bigin/v2/upload", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("/crm/v7/upload", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("/crm/v8/upload", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("/bigin/v1/upload", HttpStatusCode.OK)]
    public async Task A_zip_over_the_size_limit_is_refused_with_FILE_TOO_LARGE(string path, HttpStatusCode status)
    {
        var zip = IncompressibleZip(SmallUploadLimitsFixture.MaxUploadBytes + 10_000);
        Assert.True(zip.Length > SmallUploadLimitsFixture.MaxUploadBytes);

        var response = await Client.UploadAsync(zip, path: path);

        var json = response.AssertError(status, "FILE_TOO_LARGE");
        Assert.Equal("The maximum file size is 64KB.", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_zip_just_under_the_size_limit_is_accepted()
    {
        var zip = IncompressibleZip(SmallUploadLimitsFixture.MaxUploadBytes - 2_000);
        Assert.True(zip.Length <= SmallUploadLimitsFixture.MaxUploadBytes, $"{zip.Length}");

        var response = await Client.UploadAsync(zip);

        UploadAssertions.AssertUploaded(response);
    }

    [Fact]
    public async Task A_zip_bomb_of_50_MB_of_zeros_is_refused()
    {
        var zip = ZerosZip(50 * 1024 * 1024);
        Assert.True(zip.Length < SmallUploadLimitsFixture.MaxUploadBytes, $"the bomb is {zip.Length} bytes, too big for this test's limit");
        var before = StoredFiles.Count(fixture.Server);

        var response = await Client.UploadAsync(zip);

        var message = response.AssertError(HttpStatusCode.BadRequest, "FILE_NOT_SUPPORTED")["message"]!.GetValue<string>();
        Assert.Contains("Bomb.csv", message, StringComparison.Ordinal);
        Assert.Equal(before, StoredFiles.Count(fixture.Server));
    }

    [Fact]
    public async Task A_zip_bomb_that_lies_about_its_size_is_refused()
    {
        // Declares 1,000 bytes in both headers but inflates to 5 MB: only decompressing finds out.
        var zip = ZerosZip(5 * 1024 * 1024);
        ForgeUncompressedSize(zip, 1_000);
        var before = StoredFiles.Count(fixture.Server);

        var response = await Client.UploadAsync(zip);

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains(response.Code, new[] { "FILE_NOT_SUPPORTED", "INVALID_FILE_FORMAT" });
        Assert.Equal(before, StoredFiles.Count(fixture.Server));
    }

    [Fact]
    public async Task A_csv_just_under_the_uncompressed_limit_is_accepted()
    {
        // Repetitive, so it compresses under the 64 KiB zip limit; the ratio check only starts above 1 MiB.
        var csv = new StringBuilder("Last_Name\n");
        while (csv.Length < SmallUploadLimitsFixture.MaxUncompressedBytes - 100)
        {
            csv.Append("Same\n");
        }

        var response = await Client.UploadAsync(ZipFiles.WithCsv(csv.ToString()));

        UploadAssertions.AssertUploaded(response);
    }

    private static byte[] IncompressibleZip(long size)
    {
        var content = new byte[size];
        new Random(42).NextBytes(content);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = archive.CreateEntry("Big.csv", CompressionLevel.NoCompression).Open();
            stream.Write(content);
        }

        return buffer.ToArray();
    }

    private static byte[] ZerosZip(int size)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = archive.CreateEntry("Bomb.csv", CompressionLevel.SmallestSize).Open();
            stream.Write("Last_Name\n"u8);
            stream.Write(new byte[size]);
        }

        return buffer.ToArray();
    }

    /// <summary>Rewrites the uncompressed size in the local file header and the central directory entry.</summary>
    private static void ForgeUncompressedSize(byte[] zip, uint size)
    {
        var span = zip.AsSpan();
        Assert.Equal(0x04034b50u, BinaryPrimitives.ReadUInt32LittleEndian(span));
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], size);
        var central = span.LastIndexOf("PK\u0001\u0002"u8);
        Assert.True(central > 0);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(central + 24)..], size);
    }
}
