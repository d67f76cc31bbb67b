using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.Tests.Values;

public sealed class FieldValueParserNumberTests
{
    private readonly FieldValueParser _parser = new();

    [Theory]
    [InlineData("42", 42L)]
    [InlineData(" -7 ", -7L)]
    [InlineData("+7", 7L)]
    [InlineData("007", 7L)]
    [InlineData("2147483647", 2147483647L)]
    [InlineData("-2147483648", -2147483648L)]
    public void Integers_parse_to_long(string raw, long expected) =>
        Assert.Equal(expected, _parser.Parse(TestFields.Of(FieldType.Integer), raw).Value);

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    public void Integers_outside_int32_are_invalid_data(string raw)
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Integer), raw);
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("out of range", parsed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4.0")]
    [InlineData("1,000")]
    [InlineData("1e3")]
    [InlineData("twelve")]
    [InlineData("--1")]
    [InlineData("1 000")]
    [InlineData("0x1F")]
    public void Non_integers_are_invalid_data(string raw)
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Integer), raw);
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("whole number", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_length_limits_the_digits_not_counting_sign_or_leading_zeros()
    {
        var quantity = StandardModules.Products.FindField("Qty_in_Stock")!;
        Assert.Equal(999_999_999L, _parser.Parse(quantity, "999999999").Value);
        Assert.Equal(-5L, _parser.Parse(quantity, "-0000000005").Value);
        Assert.Equal("INVALID_DATA", _parser.Parse(quantity, "1000000000").ErrorCode);
    }

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("5725767000000002179", 5_725_767_000_000_002_179L)]
    public void Big_integers_take_the_whole_int64_range(string raw, long expected) =>
        Assert.Equal(expected, _parser.Parse(TestFields.Of(FieldType.BigInt), raw).Value);

    [Fact]
    public void Big_integers_beyond_int64_are_invalid_data() =>
        Assert.Equal("INVALID_DATA", _parser.Parse(TestFields.Of(FieldType.BigInt), "9223372036854775808").ErrorCode);

    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("+12", "12")]
    [InlineData(".25", "0.25")]
    [InlineData("10.", "10")]
    public void Currency_parses_invariant_decimals(string raw, string expected)
    {
        var amount = StandardModules.Pipelines.FindField("Amount")!;
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), _parser.Parse(amount, raw).Value);
    }

    [Theory]
    [InlineData("10.125", "10.12")]
    [InlineData("10.135", "10.14")]
    [InlineData("10.1251", "10.13")]
    [InlineData("-10.125", "-10.12")]
    public void Currency_rounds_half_to_even_to_its_decimal_places(string raw, string expected)
    {
        var amount = StandardModules.Pipelines.FindField("Amount")!;
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), _parser.Parse(amount, raw).Value);
    }

    [Theory]
    [InlineData(FieldType.Decimal)]
    [InlineData(FieldType.Percent)]
    public void Decimal_and_percent_round_the_same_way(FieldType type) =>
        Assert.Equal(2.4m, _parser.Parse(TestFields.Of(type, 10, 1), "2.45").Value);

    [Fact]
    public void Decimal_length_counts_digits_before_the_point_as_length_minus_decimal_places()
    {
        var amount = StandardModules.Pipelines.FindField("Amount")!;
        Assert.Equal(99_999_999_999_999.99m, _parser.Parse(amount, "99999999999999.99").Value);
        var parsed = _parser.Parse(amount, "100000000000000");
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("14", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounding_up_past_the_digit_limit_is_invalid_data()
    {
        var probability = StandardModules.Pipelines.FindField("Probability")!;
        Assert.Equal(100m, _parser.Parse(probability, "99.5").Value);
        Assert.Equal("INVALID_DATA", _parser.Parse(probability, "999.5").ErrorCode);
    }

    [Fact]
    public void Percent_is_not_limited_to_one_hundred() =>
        Assert.Equal(250m, _parser.Parse(StandardModules.Pipelines.FindField("Probability")!, "250").Value);

    [Theory]
    [InlineData("1,234.56")]
    [InlineData("1.234,56")]
    [InlineData("1e5")]
    [InlineData("$12")]
    [InlineData("12%")]
    [InlineData("1.2.3")]
    [InlineData(".")]
    [InlineData("NaN")]
    public void Thousands_separators_exponents_and_symbols_are_invalid_data(string raw)
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Currency, 16, 2), raw);
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("expected a number", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimals_beyond_the_decimal_range_are_invalid_data()
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Decimal), "1" + new string('0', 30));
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("out of range", parsed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("No", false)]
    public void Booleans_accept_true_false_one_zero_yes_no(string raw, bool expected) =>
        Assert.Equal(expected, _parser.Parse(TestFields.Of(FieldType.Boolean), raw).Value);

    [Theory]
    [InlineData("t")]
    [InlineData("y")]
    [InlineData("2")]
    [InlineData("on")]
    public void Other_boolean_spellings_are_invalid_data(string raw) =>
        Assert.Equal("INVALID_DATA", _parser.Parse(TestFields.Of(FieldType.Boolean), raw).ErrorCode);
}
