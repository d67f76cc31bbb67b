using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.Tests.Values;

public sealed class FieldValueParserDateTests
{
    private static readonly FieldDefinition DateField = StandardModules.Contacts.FindField("Date_of_Birth")!;
    private static readonly FieldDefinition DateTimeField = StandardModules.Events.FindField("Start_DateTime")!;

    private readonly FieldValueParser _parser = new();

    [Theory]
    [InlineData("12/31/2024", 2024, 12, 31)]
    [InlineData("03/01/2024", 2024, 3, 1)]
    [InlineData("3/1/2024", 2024, 3, 1)]
    [InlineData("2024-03-01", 2024, 3, 1)]
    [InlineData(" 02/29/2024 ", 2024, 2, 29)]
    public void Dates_default_to_zoho_format_and_also_accept_iso(string raw, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), _parser.Parse(DateField, raw).Value);

    [Theory]
    [InlineData("31/12/2024")]
    [InlineData("02/30/2024")]
    [InlineData("02/29/2023")]
    [InlineData("2024/03/01")]
    [InlineData("12/31/24")]
    [InlineData("12/31/2024 10:00:00")]
    [InlineData("tomorrow")]
    public void Dates_not_in_a_default_format_are_invalid_data(string raw)
    {
        var parsed = _parser.Parse(DateField, raw);
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Equal($"expected a date in MM/dd/yyyy or yyyy-MM-dd, got '{raw}'", parsed.Detail);
    }

    [Theory]
    [InlineData("yyyy/MM/dd", "2024/12/31")]
    [InlineData("dd-MM-yyyy", "31-12-2024")]
    [InlineData("dd.MM.yyyy", "31.12.2024")]
    [InlineData("yyyyMMdd", "20241231")]
    [InlineData("d MMM yyyy", "31 Dec 2024")]
    [InlineData("EEEE, MMMM d, yyyy", "Tuesday, December 31, 2024")]
    [InlineData("dd/MM/yy", "31/12/24")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssXXX", "2024-12-31T23:30:00-05:00")]
    public void Dates_follow_the_mapping_format(string format, string raw) =>
        Assert.Equal(new DateOnly(2024, 12, 31), _parser.Parse(DateField, raw, format).Value);

    [Fact]
    public void A_mapping_format_replaces_the_defaults()
    {
        var parsed = _parser.Parse(DateField, "2024-12-31", "dd/MM/yyyy");
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Equal("expected a date in dd/MM/yyyy, got '2024-12-31'", parsed.Detail);
    }

    [Fact]
    public void A_day_name_that_does_not_match_the_date_is_invalid_data() =>
        Assert.False(_parser.Parse(DateField, "Monday, December 31, 2024", "EEEE, MMMM d, yyyy").IsValid);

    [Fact]
    public void An_invalid_mapping_format_is_a_programming_error_not_a_row_error() =>
        Assert.Throws<FormatException>(() => _parser.Parse(DateField, "2024", "YYYY-MM-dd"));

    [Theory]
    [InlineData("03/01/2024 10:15:00")]
    [InlineData("3/1/2024 10:15:00")]
    [InlineData("2024-03-01T10:15:00")]
    [InlineData("2024-03-01T10:15:00Z")]
    [InlineData("2024-03-01T10:15:00+00:00")]
    [InlineData("2024-03-01T10:15:00.000Z")]
    public void Date_times_default_to_utc(string raw) =>
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero), _parser.Parse(DateTimeField, raw).Value);

    [Fact]
    public void Iso_date_times_keep_their_offset()
    {
        var parsed = (DateTimeOffset)_parser.Parse(DateTimeField, "2024-03-01T10:15:00+05:30").Value!;
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.FromMinutes(330)), parsed);
        Assert.Equal(TimeSpan.FromMinutes(330), parsed.Offset);
    }

    [Fact]
    public void Iso_date_times_tolerate_fractional_seconds()
    {
        var parsed = (DateTimeOffset)_parser.Parse(DateTimeField, "2024-03-01T10:15:00.123+05:30").Value!;
        Assert.Equal(123, parsed.Millisecond);
    }

    [Theory]
    [InlineData("03/01/2024")]
    [InlineData("03/01/2024 10:15")]
    [InlineData("03/01/2024 25:00:00")]
    [InlineData("2024-03-01 10:15:00")]
    [InlineData("2024-03-01T10:15:00+15:00")]
    public void Date_times_not_in_a_default_format_are_invalid_data(string raw)
    {
        var parsed = _parser.Parse(DateTimeField, raw);
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Equal($"expected a date-time in MM/dd/yyyy HH:mm:ss or ISO 8601, got '{raw}'", parsed.Detail);
    }

    [Theory]
    [InlineData("dd/MM/yyyy hh:mm a", "01/03/2024 02:15 PM", 14, 15)]
    [InlineData("dd/MM/yyyy hh:mm a", "01/03/2024 02:15 pm", 14, 15)]
    [InlineData("dd/MM/yyyy hh:mm a", "01/03/2024 12:05 AM", 0, 5)]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSS", "2024-03-01 14:15:00.500", 14, 15)]
    [InlineData("yyyy-MM-dd", "2024-03-01", 0, 0)]
    public void Date_times_follow_the_mapping_format(string format, string raw, int hour, int minute)
    {
        var parsed = (DateTimeOffset)_parser.Parse(DateTimeField, raw, format).Value!;
        Assert.Equal(new DateTime(2024, 3, 1, hour, minute, 0), parsed.DateTime.AddMilliseconds(-parsed.Millisecond));
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Theory]
    [InlineData("2024-03-01T10:15:00+05:30", 330)]
    [InlineData("2024-03-01T10:15:00+0530", 330)]
    [InlineData("2024-03-01T10:15:00-08", -480)]
    [InlineData("2024-03-01T10:15:00Z", 0)]
    public void An_offset_in_the_mapping_format_accepts_every_iso_offset_spelling(string raw, int offsetMinutes)
    {
        var parsed = (DateTimeOffset)_parser.Parse(DateTimeField, raw, "yyyy-MM-dd'T'HH:mm:ssXXX").Value!;
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), parsed.Offset);
        Assert.Equal(new DateTime(2024, 3, 1, 10, 15, 0), parsed.DateTime);
    }

    [Fact]
    public void A_date_time_without_offset_is_read_in_the_configured_time_zone()
    {
        var kolkata = TimeZoneInfo.CreateCustomTimeZone("Test/Kolkata", TimeSpan.FromMinutes(330), "Kolkata", "IST");
        var parser = new FieldValueParser(new ValueParserOptions { TimeZone = kolkata });

        var parsed = (DateTimeOffset)parser.Parse(DateTimeField, "03/01/2024 10:15:00").Value!;

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.FromMinutes(330)), parsed);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 4, 45, 0, TimeSpan.Zero), parsed.ToUniversalTime());
    }

    [Fact]
    public void The_configured_time_zone_does_not_override_an_explicit_offset()
    {
        var kolkata = TimeZoneInfo.CreateCustomTimeZone("Test/Kolkata", TimeSpan.FromMinutes(330), "Kolkata", "IST");
        var parser = new FieldValueParser(new ValueParserOptions { TimeZone = kolkata });
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)parser.Parse(DateTimeField, "2024-03-01T10:15:00Z").Value!).Offset);
    }

    [Fact]
    public void The_configured_time_zone_applies_its_daylight_saving_offset()
    {
        var parser = new FieldValueParser(new ValueParserOptions { TimeZone = CentralEurope() });

        var winter = (DateTimeOffset)parser.Parse(DateTimeField, "01/15/2024 12:00:00").Value!;
        var summer = (DateTimeOffset)parser.Parse(DateTimeField, "07/15/2024 12:00:00").Value!;

        Assert.Equal(TimeSpan.FromHours(1), winter.Offset);
        Assert.Equal(TimeSpan.FromHours(2), summer.Offset);
    }

    [Fact]
    public void A_time_skipped_by_daylight_saving_moves_forward_like_java()
    {
        // 2024-03-31 02:00 local jumps to 03:00 in Central Europe.
        var parser = new FieldValueParser(new ValueParserOptions { TimeZone = CentralEurope() });
        var parsed = (DateTimeOffset)parser.Parse(DateTimeField, "03/31/2024 02:30:00").Value!;
        Assert.Equal(new DateTime(2024, 3, 31, 3, 30, 0), parsed.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), parsed.Offset);
    }

    [Fact]
    public void A_time_repeated_by_daylight_saving_takes_the_earlier_instant_like_java()
    {
        // 2024-10-27 03:00 local falls back to 02:00, so 02:30 happens twice.
        var parser = new FieldValueParser(new ValueParserOptions { TimeZone = CentralEurope() });
        var parsed = (DateTimeOffset)parser.Parse(DateTimeField, "10/27/2024 02:30:00").Value!;
        Assert.Equal(TimeSpan.FromHours(2), parsed.Offset);
    }

    /// <summary>UTC+1, UTC+2 from the last Sunday of March 02:00 to the last Sunday of October 03:00.</summary>
    private static TimeZoneInfo CentralEurope()
    {
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone("Test/Central_Europe", TimeSpan.FromHours(1), "Central Europe", "CET", "CEST", [rule]);
    }
}
