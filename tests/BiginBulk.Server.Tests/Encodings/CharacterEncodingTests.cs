using System.Text;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Encodings;

public sealed class CharacterEncodingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] Utf16LeBom = [0xFF, 0xFE];

    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task UTF8_without_a_byte_order_mark_is_detected()
    {
        var tag = WriteJobs.NewTag();
        var bytes = new UTF8Encoding(false).GetBytes($"Last_Name,First_Name,Title\n{tag}-Renée,Müller,€ buyer\n");

        var run = await Client.WriteBytesAsync(bytes);

        Assert.Equal("UTF-8", run.Job["character_encoding"]!.GetValue<string>());
        await AssertAccentedContact(run, tag);
    }

    [Fact]
    public async Task UTF8_with_a_byte_order_mark_does_not_leak_the_mark_into_the_first_header()
    {
        var tag = WriteJobs.NewTag();
        var bytes = Utf8Bom.Concat(new UTF8Encoding(false).GetBytes($"Last_Name,First_Name,Title\r\n{tag}-Renée,Müller,€ buyer\r\n")).ToArray();

        var run = await Client.WriteBytesAsync(bytes);

        Assert.Equal("UTF-8", run.Job["character_encoding"]!.GetValue<string>());
        Assert.Equal("Last_Name", run.Result.Header[0]);
        Assert.Equal("Last_Name", run.Job["resource"]![0]!["field_mappings"]![0]!["api_name"]!.GetValue<string>());
        await AssertAccentedContact(run, tag);
    }

    [Fact]
    public async Task UTF16_little_endian_with_a_byte_order_mark_is_detected()
    {
        var tag = WriteJobs.NewTag();
        var bytes = Utf16LeBom.Concat(Encoding.Unicode.GetBytes($"Last_Name,First_Name,Title\r\n{tag}-Renée,Müller,€ buyer\r\n")).ToArray();

        var run = await Client.WriteBytesAsync(bytes);

        Assert.Equal("UTF-16LE", run.Job["character_encoding"]!.GetValue<string>());
        await AssertAccentedContact(run, tag);
    }

    [Fact]
    public async Task Windows_1252_bytes_are_detected_without_being_named()
    {
        var tag = WriteJobs.NewTag();
        var bytes = Windows1252($"Last_Name,First_Name,Title\r\n{tag}-Ren\u00e9e,M\u00fcller,\u20ac buyer\r\n");

        var run = await Client.WriteBytesAsync(bytes);

        Assert.Equal("windows-1252", run.Job["character_encoding"]!.GetValue<string>());
        await AssertAccentedContact(run, tag);
    }

    [Fact]
    public async Task Named_windows_1252_reads_the_bytes_as_windows_1252()
    {
        var tag = WriteJobs.NewTag();
        var bytes = Windows1252($"Last_Name,First_Name,Title\n{tag}-Ren\u00e9e,M\u00fcller,\u20ac buyer\n");

        var run = await Client.WriteBytesAsync(bytes, encoding: "windows-1252");

        Assert.Equal("windows-1252", run.Job["character_encoding"]!.GetValue<string>());
        await AssertAccentedContact(run, tag);
    }

    [Fact]
    public async Task Character_encoding_overrides_detection_even_for_valid_UTF8()
    {
        var tag = WriteJobs.NewTag();
        // Valid UTF-8, which detection would pick; the client says windows-1252, and that wins.
        var bytes = new UTF8Encoding(false).GetBytes($"Last_Name,First_Name\n{tag}-Renée,x\n");

        var run = await Client.WriteBytesAsync(bytes, encoding: "windows-1252");

        Assert.Equal("windows-1252", run.Job["character_encoding"]!.GetValue<string>());
        run.AssertCounts(added: 1, updated: 0, skipped: 0);
        var record = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal($"{tag}-Ren\u00c3\u00a9e", record.Text("Last_Name"));
    }

    [Fact]
    public async Task Named_UTF16LE_reads_a_file_without_a_byte_order_mark()
    {
        var tag = WriteJobs.NewTag();
        var bytes = Encoding.Unicode.GetBytes($"Last_Name,First_Name,Title\n{tag}-Renée,Müller,€ buyer\n");

        var run = await Client.WriteBytesAsync(bytes, encoding: "UTF-16LE");

        Assert.Equal("UTF-16LE", run.Job["character_encoding"]!.GetValue<string>());
        await AssertAccentedContact(run, tag);
    }

    [Fact]
    public async Task Result_file_echoes_decoded_text_as_UTF8()
    {
        var tag = WriteJobs.NewTag();
        var bytes = Windows1252($"Last_Name,First_Name\r\n{tag}-Ren\u00e9e,M\u00fcller\r\n");

        var run = await Client.WriteBytesAsync(bytes);

        Assert.Equal([$"{tag}-Renée", "Müller"], run.Result.Rows[0].Take(2));
    }

    private async Task AssertAccentedContact(WriteRun run, string tag)
    {
        run.AssertCounts(added: 1, updated: 0, skipped: 0);
        Assert.Equal($"{tag}-Renée", run.Result.Cell(0, "Last_Name"));
        var record = await Client.GetRecordAsync("Contacts", run.AssertRow(0, "ADDED"));
        Assert.Equal($"{tag}-Renée", record.Text("Last_Name"));
        Assert.Equal("Müller", record.Text("First_Name"));
        Assert.Equal("€ buyer", record.Text("Title"));
    }

    /// <summary>Encodes by hand, so the test does not depend on the code pages the server registers.</summary>
    private static byte[] Windows1252(string text) =>
        [.. text.Select(c => c switch
        {
            '\u20ac' => (byte)0x80,
            < '\u0100' => (byte)c,
            _ => throw new ArgumentException($"'{c}' is not in this test's windows-1252 subset."),
        })];
}
