using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.Tests.Values;

public sealed class ValueFormatterTests
{
    [Fact]
    public void Dates_format_as_iso_dates() =>
        Assert.Equal("2024-03-01", ValueFormatter.Format(new DateOnly(2024, 3, 1)));

    [Fact]
    public void Date_times_format_with_offset_and_whole_seconds()
    {
        var value = new DateTimeOffset(2024, 3, 1, 10, 15, 0, 999, TimeSpan.Zero);
        Assert.Equal("2024-03-01T10:15:00+00:00", ValueFormatter.Format(value));
        Assert.Equal("2024-03-01T10:15:00+00:00", ValueFormatter.Format((object)value));
    }

    [Fact]
    public void Date_times_keep_their_own_offset_without_a_zone() =>
        Assert.Equal("2024-03-01T10:15:00+05:30", ValueFormatter.Format(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.FromMinutes(330))));

    [Fact]
    public void Date_times_are_shown_in_the_given_zone()
    {
        var kolkata = TimeZoneInfo.CreateCustomTimeZone("Test/Kolkata", TimeSpan.FromMinutes(330), "Kolkata", "IST");
        var value = new DateTimeOffset(2024, 3, 1, 4, 45, 0, TimeSpan.Zero);
        Assert.Equal("2024-03-01T10:15:00+05:30", ValueFormatter.Format(value, kolkata));
    }

    [Fact]
    public void Unspecified_date_times_from_storage_are_utc() =>
        Assert.Equal("2024-03-01T10:15:00+00:00", ValueFormatter.Format(new DateTime(2024, 3, 1, 10, 15, 0)));

    [Theory]
    [InlineData("1234.50", "1234.5")]
    [InlineData("-0.10", "-0.1")]
    [InlineData("100", "100")]
    [InlineData("0.0000000001", "0.0000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Decimals_format_invariant_without_trailing_zeros_or_exponent(string value, string expected) =>
        Assert.Equal(expected, ValueFormatter.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Scalars_format_invariant()
    {
        Assert.Equal("true", ValueFormatter.Format((object)true));
        Assert.Equal("false", ValueFormatter.Format((object)false));
        Assert.Equal("-42", ValueFormatter.Format((object)-42L));
        Assert.Equal("7", ValueFormatter.Format((object)7));
        Assert.Equal("0.1", ValueFormatter.Format((object)0.1d));
        Assert.Equal("text", ValueFormatter.Format("text"));
        Assert.Null(ValueFormatter.Format(null));
    }

    [Fact]
    public void Multi_select_values_join_with_semicolons() =>
        Assert.Equal("Red;Blue", ValueFormatter.Format(new[] { "Red", "Blue" }));

    [Fact]
    public void Owner_references_format_as_the_id_or_the_email()
    {
        Assert.Equal("5725767000000002179", ValueFormatter.Format(OwnerReference.FromId(5_725_767_000_000_002_179)));
        Assert.Equal("ann@example.com", ValueFormatter.Format(OwnerReference.FromEmail("ann@example.com")));
    }

    [Fact]
    public void Unknown_value_types_are_rejected() =>
        Assert.Throws<ArgumentException>(() => ValueFormatter.Format(new Uri("https://example.com")));

    [Theory]
    [InlineData(FieldType.Text, "Mary Ann")]
    [InlineData(FieldType.Email, "mary@example.com")]
    [InlineData(FieldType.Phone, "+1 555 0100")]
    [InlineData(FieldType.Website, "www.example.com")]
    [InlineData(FieldType.Picklist, "Green")]
    [InlineData(FieldType.MultiSelectPicklist, "Green;Red")]
    [InlineData(FieldType.Integer, "-42")]
    [InlineData(FieldType.BigInt, "9223372036854775807")]
    [InlineData(FieldType.Decimal, "1234.56")]
    [InlineData(FieldType.Currency, "-0.5")]
    [InlineData(FieldType.Percent, "12.5")]
    [InlineData(FieldType.Boolean, "true")]
    [InlineData(FieldType.Date, "2024-02-29")]
    [InlineData(FieldType.DateTime, "2024-03-01T10:15:00+05:30")]
    [InlineData(FieldType.Lookup, "5725767000000002179")]
    [InlineData(FieldType.OwnerLookup, "5725767000000002179")]
    [InlineData(FieldType.OwnerLookup, "owner@example.com")]
    public void Wire_values_survive_parse_then_format(FieldType type, string wire)
    {
        var field = TestFields.Of(type, 0, 2, "Red", "Green");
        var parsed = new FieldValueParser().Parse(field, wire);
        Assert.True(parsed.IsValid, parsed.Detail);
        Assert.Equal(wire, ValueFormatter.Format(parsed.Value));
    }

    [Fact]
    public void Formatted_values_parse_back_to_the_same_value()
    {
        var parser = new FieldValueParser();
        var instant = new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.FromHours(-8));
        Assert.Equal(instant, parser.Parse(TestFields.Of(FieldType.DateTime), ValueFormatter.Format(instant)).Value);
        var date = new DateOnly(1999, 12, 31);
        Assert.Equal(date, parser.Parse(TestFields.Of(FieldType.Date), ValueFormatter.Format(date)).Value);
        Assert.Equal(12.34m, parser.Parse(TestFields.Of(FieldType.Currency, 16, 2), ValueFormatter.Format(12.34m)).Value);
    }
}
