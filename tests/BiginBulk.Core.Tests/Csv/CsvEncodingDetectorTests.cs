using System.Text;
using BiginBulk.Core.Csv;

namespace BiginBulk.Core.Tests.Csv;

public sealed class CsvEncodingDetectorTests
{
    private const string Text = "Last_Name,City,Price\nDupré,Zürich,10 €\nMüller,Düsseldorf,5 €\nLefèvre,Genève,7 €\n";

    static CsvEncodingDetectorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Decode(CsvEncodingDetection detection, byte[] bytes) =>
        detection.Encoding.GetString(bytes, detection.BomLength, bytes.Length - detection.BomLength);

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_recognised_and_the_mark_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Text)).ToArray();

        var detection = CsvEncodingDetector.Detect(bytes, sampleIsWholeFile: true);

        Assert.Equal(("UTF-8", 3, CsvEncodingSource.ByteOrderMark), (detection.Name, detection.BomLength, detection.Source));
        Assert.Equal(Text, Decode(detection, bytes));
    }

    [Fact]
    public void Utf8_without_a_byte_order_mark_is_recognised_by_its_validity()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);

        var detection = CsvEncodingDetector.Detect(bytes, sampleIsWholeFile: true);

        Assert.Equal(("UTF-8", 0, CsvEncodingSource.ValidUtf8), (detection.Name, detection.BomLength, detection.Source));
        Assert.Equal(Text, Decode(detection, bytes));
    }

    [Theory]
    [InlineData("utf-16", "UTF-16LE", 2)]
    [InlineData("utf-16BE", "UTF-16BE", 2)]
    [InlineData("utf-32", "UTF-32LE", 4)]
    [InlineData("utf-32BE", "UTF-32BE", 4)]
    public void Unicode_with_a_byte_order_mark_is_recognised(string dotnetName, string expectedName, int bomLength)
    {
        var encoding = Encoding.GetEncoding(dotnetName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Text)).ToArray();

        var detection = CsvEncodingDetector.Detect(bytes, sampleIsWholeFile: true);

        Assert.Equal((expectedName, bomLength), (detection.Name, detection.BomLength));
        Assert.Equal(Text, Decode(detection, bytes));
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_recognised_by_its_zero_bytes()
    {
        var bytes = Encoding.Unicode.GetBytes(Text);

        var detection = CsvEncodingDetector.Detect(bytes, sampleIsWholeFile: true);

        Assert.Equal(("UTF-16LE", CsvEncodingSource.Utf16Pattern), (detection.Name, detection.Source));
        Assert.Equal(Text, Decode(detection, bytes));
    }

    [Fact]
    public void Windows_1252_accents_and_euro_signs_are_detected()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(Text);

        var detection = CsvEncodingDetector.Detect(bytes, sampleIsWholeFile: true);

        Assert.Equal(("windows-1252", CsvEncodingSource.Detected), (detection.Name, detection.Source));
        Assert.Equal(Text, Decode(detection, bytes));
    }

    [Fact]
    public void An_explicit_encoding_overrides_detection()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);

        var detection = CsvEncodingDetector.Detect(bytes, "ISO-8859-1", sampleIsWholeFile: true);

        Assert.Equal(("ISO-8859-1", CsvEncodingSource.Explicit), (detection.Name, detection.Source));
        Assert.Contains("DuprÃ©", Decode(detection, bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_utf8_skips_the_files_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Text)).ToArray();

        var detection = CsvEncodingDetector.Detect(bytes, "utf-8");

        Assert.Equal(("UTF-8", 3), (detection.Name, detection.BomLength));
    }

    [Fact]
    public void An_explicit_utf16_without_byte_order_lets_the_mark_decide()
    {
        var bytes = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(Text)).ToArray();

        var detection = CsvEncodingDetector.Detect(bytes, "UTF-16");

        Assert.Equal(("UTF-16BE", 2), (detection.Name, detection.BomLength));
        Assert.Equal(Text, Decode(detection, bytes));
    }

    [Fact]
    public void An_unknown_explicit_encoding_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => CsvEncodingDetector.Detect("a,b\n"u8, "klingon-8"));

        Assert.Contains("The character_encoding 'klingon-8' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTF-8", "UTF-8")]
    [InlineData("utf8", "UTF-8")]
    [InlineData("UTF-16LE", "UTF-16LE")]
    [InlineData("UTF-16BE", "UTF-16BE")]
    [InlineData("ISO-8859-1", "ISO-8859-1")]
    [InlineData("latin1", "ISO-8859-1")]
    [InlineData("windows-1252", "windows-1252")]
    [InlineData("cp1252", "windows-1252")]
    [InlineData("Shift_JIS", "Shift_JIS")]
    [InlineData(" iso-8859-15 ", "ISO-8859-15")]
    public void Encoding_names_resolve_to_canonical_names(string name, string canonical)
    {
        Assert.True(CsvEncodingDetector.TryGetEncoding(name, out var encoding));
        Assert.Equal(canonical, CsvEncodingDetector.GetCanonicalName(encoding));
    }

    [Theory]
    [InlineData("klingon-8")]
    [InlineData("UTF-7")]
    [InlineData("")]
    public void Unknown_encoding_names_do_not_resolve(string name) =>
        Assert.False(CsvEncodingDetector.TryGetEncoding(name, out _));

    [Fact]
    public void A_sample_that_cuts_a_utf8_character_in_two_is_still_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("Last_Name\nDupré\n");
        var cut = bytes[..Array.IndexOf(bytes, (byte)0xC3)].Append((byte)0xC3).ToArray();

        Assert.Equal("UTF-8", CsvEncodingDetector.Detect(cut, sampleIsWholeFile: false).Name);
        Assert.NotEqual(CsvEncodingSource.ValidUtf8, CsvEncodingDetector.Detect(cut, sampleIsWholeFile: true).Source);
    }

    [Fact]
    public void Bytes_nothing_recognises_fall_back_to_windows_1252()
    {
        var detection = CsvEncodingDetector.Detect(new byte[] { 0x41, 0x0A, 0x81, 0x8D, 0x0A }, sampleIsWholeFile: true);

        Assert.Equal(("windows-1252", CsvEncodingSource.Fallback), (detection.Name, detection.Source));
    }
}
