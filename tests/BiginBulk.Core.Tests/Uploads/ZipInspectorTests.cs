using System.Text;
using BiginBulk.Core.Uploads;

namespace BiginBulk.Core.Tests.Uploads;

public sealed class ZipInspectorTests
{
    private static readonly byte[] ContactsCsv = Encoding.UTF8.GetBytes("Last_Name,Email\nBoyle,p@example.com\n");

    private static async Task<ZipInspection> InspectAsync(byte[] zip, ZipLimits? limits = null, bool async = true)
    {
        using var stream = new MemoryStream(zip);
        return async
            ? await ZipInspector.InspectAsync(stream, limits ?? ZipLimits.Default, TestContext.Current.CancellationToken)
            : ZipInspector.Inspect(stream, limits ?? ZipLimits.Default, TestContext.Current.CancellationToken);
    }

    private static void AssertRefused(ZipInspection inspection, string errorCode, string messagePart)
    {
        Assert.False(inspection.IsValid);
        Assert.Equal(errorCode, inspection.ErrorCode);
        Assert.Contains(messagePart, inspection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_zip_with_one_csv_is_accepted_with_its_name_and_real_size(bool async)
    {
        var inspection = await InspectAsync(TestZips.Build(("Contacts.csv", ContactsCsv)), async: async);

        Assert.True(inspection.IsValid);
        Assert.Equal("Contacts.csv", inspection.CsvEntryName);
        Assert.Equal(ContactsCsv.Length, inspection.UncompressedBytes);
    }

    [Fact]
    public async Task The_csv_extension_is_matched_case_insensitively()
    {
        var inspection = await InspectAsync(TestZips.Build(("CONTACTS.CSV", ContactsCsv)));

        Assert.Equal("CONTACTS.CSV", inspection.CsvEntryName);
    }

    public static TheoryData<string, byte[]> NotZips => new()
    {
        { "empty", [] },
        { "random bytes", Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray() },
        { "a bare csv", ContactsCsv },
        { "a truncated zip", TestZips.Build(("Contacts.csv", ContactsCsv))[..^30] },
    };

    [Theory]
    [MemberData(nameof(NotZips))]
    public async Task Something_that_is_not_a_zip_gets_zohos_invalid_file_format(string what, byte[] bytes)
    {
        var inspection = await InspectAsync(bytes);

        Assert.False(inspection.IsValid, what);
        Assert.Equal("INVALID_FILE_FORMAT", inspection.ErrorCode);
        Assert.Equal("The file you uploaded is not in the zip format.", inspection.Message);
    }

    [Fact]
    public async Task A_zip_over_the_size_limit_gets_file_too_large()
    {
        var zip = TestZips.Build(("Contacts.csv", ContactsCsv));

        var inspection = await InspectAsync(zip, new ZipLimits { MaxZipBytes = zip.Length - 1 });

        AssertRefused(inspection, "FILE_TOO_LARGE", "maximum file size");
    }

    [Fact]
    public async Task Folders_and_macos_metadata_are_ignored()
    {
        var zip = TestZips.Build(
            ("__MACOSX/", []),
            ("__MACOSX/._Contacts.csv", [0, 5, 22, 7]),
            (".DS_Store", [0, 0, 0, 1]),
            ("._Contacts.csv", [0, 5, 22, 7]),
            ("Contacts.csv", ContactsCsv));

        var inspection = await InspectAsync(zip);

        Assert.True(inspection.IsValid, inspection.Message);
        Assert.Equal("Contacts.csv", inspection.CsvEntryName);
    }

    [Fact]
    public async Task Two_csvs_are_refused_naming_both()
    {
        var inspection = await InspectAsync(TestZips.Build(("a.csv", ContactsCsv), ("b.csv", ContactsCsv)));

        AssertRefused(inspection, "FILE_NOT_SUPPORTED", "The zip must hold exactly one CSV file; it holds 2: a.csv, b.csv");
    }

    [Fact]
    public async Task A_zip_with_only_a_folder_is_refused_as_holding_no_csv()
    {
        var inspection = await InspectAsync(TestZips.Build(("data/", [])));

        AssertRefused(inspection, "FILE_NOT_SUPPORTED", "it holds none");
    }

    [Fact]
    public async Task A_single_file_that_is_not_a_csv_is_refused_by_name()
    {
        var inspection = await InspectAsync(TestZips.Build(("Contacts.xlsx", ContactsCsv)));

        AssertRefused(inspection, "FILE_NOT_SUPPORTED", "'Contacts.xlsx' is not a .csv file");
    }

    [Theory]
    [InlineData("data/Contacts.csv", "inside a folder")]
    [InlineData("data\\Contacts.csv", "inside a folder")]
    [InlineData("../Contacts.csv", "'..'")]
    [InlineData("/etc/Contacts.csv", "absolute path")]
    [InlineData("C:Contacts.csv", "absolute path")]
    [InlineData("Con\u0001tacts.csv", "control characters")]
    [InlineData("Contacts?.csv", "not a valid file name")]
    public async Task An_entry_name_that_could_be_a_path_is_refused_by_name(string name, string reason)
    {
        var inspection = await InspectAsync(TestZips.Build((name, ContactsCsv)));

        AssertRefused(inspection, "FILE_NOT_SUPPORTED", reason);
        Assert.Contains(name.Replace("\u0001", "\\u0001", StringComparison.Ordinal), inspection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_encrypted_entry_is_refused()
    {
        var inspection = await InspectAsync(TestZips.MarkedEncrypted(TestZips.Build(("Contacts.csv", ContactsCsv))));

        AssertRefused(inspection, "FILE_NOT_SUPPORTED", "'Contacts.csv' is encrypted");
    }

    [Fact]
    public async Task An_entry_in_an_unsupported_compression_method_is_refused()
    {
        var inspection = await InspectAsync(TestZips.WithCompressionMethod(TestZips.Build(("Contacts.csv", ContactsCsv)), 14));

        AssertRefused(inspection, "FILE_NOT_SUPPORTED", "'Contacts.csv' cannot be read");
    }

    [Fact]
    public async Task An_entry_whose_data_does_not_match_its_checksum_is_refused_as_damaged()
    {
        var inspection = await InspectAsync(TestZips.WithWrongChecksum(TestZips.Build(("Contacts.csv", ContactsCsv))));

        AssertRefused(inspection, "INVALID_FILE_FORMAT", "'Contacts.csv' is damaged");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_zip_bomb_is_refused_for_its_size(bool async)
    {
        var bomb = TestZips.Build(("Contacts.csv", new byte[4 * 1024 * 1024]));
        var limits = new ZipLimits { MaxUncompressedBytes = 1024 * 1024, MaxCompressionRatio = 10_000 };

        var inspection = await InspectAsync(bomb, limits, async);

        AssertRefused(inspection, "FILE_NOT_SUPPORTED", "expands to more than 1MB");
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_for_its_ratio_even_within_the_size_limit()
    {
        var bomb = TestZips.Build(("Contacts.csv", new byte[4 * 1024 * 1024]));
        Assert.True(bomb.Length < 4 * 1024 * 1024 / 200, "the test zip must compress better than 200:1");

        var inspection = await InspectAsync(bomb);

        AssertRefused(inspection, "FILE_NOT_SUPPORTED", "expands more than 200 times");
    }

    [Fact]
    public async Task A_small_csv_that_compresses_very_well_is_not_mistaken_for_a_bomb()
    {
        var sparse = Encoding.ASCII.GetBytes("Last_Name" + new string(',', 199) + "\n" + string.Concat(Enumerable.Repeat(new string(',', 199) + "\n", 2000)));

        var inspection = await InspectAsync(TestZips.Build(("Contacts.csv", sparse)));

        Assert.True(inspection.IsValid, inspection.Message);
    }

    [Fact]
    public async Task A_zip_whose_headers_understate_the_uncompressed_size_is_refused()
    {
        // 4 MB of zeros declared as 1,000 bytes in both the local and the central directory header: the
        // declared-size and ratio checks pass. .NET stops decompressing at the declared size, so the bomb
        // cannot expand; what gives the forgery away is the checksum of the bytes that do come out.
        var forged = TestZips.WithDeclaredSize(TestZips.Build(("Contacts.csv", new byte[4 * 1024 * 1024])), 1000);

        var inspection = await InspectAsync(forged);

        AssertRefused(inspection, "INVALID_FILE_FORMAT", "'Contacts.csv' is damaged");
    }

    [Fact]
    public async Task A_zip_whose_headers_overstate_the_uncompressed_size_is_refused()
    {
        var forged = TestZips.WithDeclaredSize(TestZips.Build(("Contacts.csv", ContactsCsv)), 5000);

        var inspection = await InspectAsync(forged);

        AssertRefused(inspection, "INVALID_FILE_FORMAT", "'Contacts.csv' is damaged");
    }

    [Fact]
    public void A_non_seekable_stream_is_rejected_rather_than_buffered_in_memory()
    {
        using var stream = new BiginBulk.Core.Tests.Csv.ChunkedStream(TestZips.Build(("Contacts.csv", ContactsCsv)));

        Assert.Throws<ArgumentException>(() => ZipInspector.Inspect(stream, ZipLimits.Default, TestContext.Current.CancellationToken));
    }
}
