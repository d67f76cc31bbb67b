using BiginBulk.Core.Values;

namespace BiginBulk.Core.Tests.Values;

public sealed class DateFormatTests
{
    [Theory]
    [InlineData("MM/dd/yyyy", @"MM\/dd\/yyyy")]
    [InlineData("yyyy/MM/dd", @"yyyy\/MM\/dd")]
    [InlineData("dd-MM-yyyy", "dd-MM-yyyy")]
    [InlineData("MM/dd/yyyy HH:mm:ss", @"MM\/dd\/yyyy HH\:mm\:ss")]
    [InlineData("dd/MM/yyyy hh:mm a", @"dd\/MM\/yyyy hh\:mm tt")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", @"yyyy-MM-dd\THH\:mm\:ss\.fffzzz")]
    [InlineData("yyyy-MM-dd HH:mm:ss Z", @"yyyy-MM-dd HH\:mm\:ss zzz")]
    [InlineData("EEE, d MMM yyyy", "ddd, d MMM yyyy")]
    [InlineData("EEEE d MMMM yy", "dddd d MMMM yy")]
    [InlineData("y-M-d", "yyyy-M-d")]
    [InlineData("yyyy.MM.dd 'at' HH", @"yyyy\.MM\.dd \a\t HH")]
    [InlineData("yyyy-MM-dd'T'HH'h'", @"yyyy-MM-dd\THH\h")]
    [InlineData("dd 'o''clock' MM yyyy", @"dd \o\'\c\l\o\c\k MM yyyy")]
    [InlineData("dd''MM''yyyy", @"dd\'MM\'yyyy")]
    [InlineData("yyyy%MM\\dd", @"yyyy\%MM\\dd")]
    public void Java_patterns_convert_to_dotnet_patterns(string java, string expected)
    {
        Assert.True(DateFormat.TryConvertJavaPattern(java, out var dotNet, out var error), error);
        Assert.Equal(expected, dotNet);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssXXX", true)]
    [InlineData("yyyy-MM-dd HH:mm:ss Z", true)]
    [InlineData("yyyy-MM-dd HH:mm:ssxx", true)]
    [InlineData("yyyy-MM-dd HH:mm:ss", false)]
    [InlineData("yyyy-MM-dd 'Z'", false)]
    public void Offset_letters_are_detected_but_quoted_letters_are_not(string java, bool hasOffset) =>
        Assert.Equal(hasOffset, DateFormat.Create(java).HasOffset);

    [Theory]
    [InlineData("YYYY-MM-dd", "week-based year")]
    [InlineData("yyyy-MM-DD", "day of the year")]
    [InlineData("uuuu-MM-dd", "'u'")]
    [InlineData("yyyy-MM-dd kk:mm", "'k'")]
    [InlineData("yyyy-MM-dd KK:mm", "'K'")]
    [InlineData("yyyy-MM-dd HH:mm z", "time-zone names")]
    [InlineData("yyyy-MM-dd HH:mm VV", "time-zone names")]
    [InlineData("yyyy-MM-dd Q", "'Q'")]
    [InlineData("yyyy-MM-ddd", "too many letters")]
    [InlineData("yyyy-MM-dd HHH", "too many letters")]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSSSSSSS", "at most 7")]
    [InlineData("yyyy-MM-dd 'T", "not closed")]
    [InlineData("MM/dd", "needs a year")]
    [InlineData("yyyy/dd", "needs a year")]
    [InlineData("HH:mm:ss", "needs a year")]
    [InlineData("yyyy-MM-dd Z X", "more than one offset")]
    [InlineData("yyyy MM EEEd", "adjacent")]
    [InlineData("", "needs a year")]
    public void Unsupported_patterns_are_rejected_with_a_reason(string java, string reason)
    {
        Assert.False(DateFormat.TryConvertJavaPattern(java, out var dotNet, out var error));
        Assert.Null(dotNet);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_throws_format_exception_naming_the_pattern()
    {
        var exception = Assert.Throws<FormatException>(() => DateFormat.Create("YYYY-MM-dd"));
        Assert.Contains("'YYYY-MM-dd'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zoho_defaults_are_the_documented_patterns()
    {
        Assert.Equal("MM/dd/yyyy", DateFormat.ZohoDate.JavaPattern);
        Assert.Equal("MM/dd/yyyy HH:mm:ss", DateFormat.ZohoDateTime.JavaPattern);
        Assert.False(DateFormat.ZohoDateTime.HasOffset);
    }

    [Fact]
    public void The_converted_pattern_formats_like_java_would()
    {
        Assert.True(DateFormat.TryConvertJavaPattern("EEE, dd MMM yyyy 'at' hh:mm a", out var dotNet, out _));
        var text = new DateTime(2024, 3, 1, 14, 5, 0).ToString(dotNet, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Fri, 01 Mar 2024 at 02:05 PM", text);
    }
}
