using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Modules;
using static BiginBulk.Core.Tests.BulkRead.ReadTestModules;

namespace BiginBulk.Core.Tests.BulkRead;

public sealed class CriteriaParserValueTests
{
    [Theory]
    [InlineData("F_double", "12.5")]
    [InlineData("F_double", "\"12.5\"")]
    [InlineData("F_currency", "-0.75")]
    [InlineData("F_percent", "\"100\"")]
    [InlineData("F_double", "1.25e1")]
    public void Decimal_fields_take_numbers_and_numeric_strings_as_decimals(string field, string value)
    {
        var condition = ParseCondition(Leaf(field, "less_than", value), AllTypes);
        var expected = decimal.Parse(value.Trim('"'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Assert.IsType<decimal>(Assert.Single(condition.Values)));
    }

    [Theory]
    [InlineData("F_integer", "42", 42L)]
    [InlineData("F_integer", "\"-7\"", -7L)]
    [InlineData("F_bigint", "\"9223372036854775807\"", long.MaxValue)]
    [InlineData("F_bigint", "5725767000000002179", 5_725_767_000_000_002_179L)]
    public void Whole_number_fields_take_int64_values_without_losing_digits(string field, string value, long expected) =>
        Assert.Equal(expected, Assert.IsType<long>(Assert.Single(ParseCondition(Leaf(field, "equal", value), AllTypes).Values)));

    [Theory]
    [InlineData("F_integer", "4.5")]
    [InlineData("F_bigint", "\"9223372036854775808\"")]
    [InlineData("F_double", "\"12,5\"")]
    [InlineData("F_double", "\"1e3\"")]
    [InlineData("F_double", "\" 12\"")]
    [InlineData("F_currency", "\"ten\"")]
    [InlineData("F_percent", "true")]
    [InlineData("F_integer", "{\"n\":1}")]
    public void Numbers_refuse_other_values_with_the_expected_data_type(string field, string value)
    {
        var error = Refused(Leaf(field, "equal", value), AllTypes);
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal(field, error.Detail("api_name"));
        Assert.Equal(AllTypes.FindField(field)!.Type.ToZohoName(), error.Detail("expected_data_type"));
        Assert.Equal("$.query.criteria.value", error.Detail("json_path"));
    }

    [Theory]
    [InlineData("Email", "\"a@b.com\"", "a@b.com")]
    [InlineData("Phone", "5551234", "5551234")]
    [InlineData("Lead_Source", "\"Cold Call\"", "Cold Call")]
    [InlineData("Description", "\"\"", "")]
    public void Text_fields_take_strings_and_numbers_as_text(string field, string value, string expected) =>
        Assert.Equal(expected, Assert.Single(ParseCondition(Leaf(field, "contains", value)).Values));

    [Fact]
    public void Text_of_255_characters_is_accepted() =>
        Assert.Equal(255, ((string)Assert.Single(ParseCondition(Leaf("Last_Name", "equal", $"\"{new string('x', 255)}\"")).Values)).Length);

    [Fact]
    public void Text_over_255_characters_exceeds_the_value_limit()
    {
        var error = Refused(Leaf("Last_Name", "starts_with", $"\"{new string('x', 256)}\""));
        Assert.Equal("VALUE_LIMIT_EXCEEDED_IN_CRITERIA", error.Code);
        Assert.Equal("255", error.Detail("max_limit"));
        Assert.Equal("Last_Name", error.Detail("api_name"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Text_fields_refuse_booleans_nulls_and_objects(string value) =>
        Assert.Equal("INVALID_CRITERIA", Refused(Leaf("Last_Name", "equal", value)).Code);

    [Fact]
    public void Dates_are_iso_dates()
    {
        var condition = ParseCondition(Leaf("Date_of_Birth", "equal", "\"1990-02-28\""));
        Assert.Equal(new DateOnly(1990, 2, 28), Assert.Single(condition.Values));
    }

    [Fact]
    public void Date_times_keep_their_offset()
    {
        var condition = ParseCondition(Leaf("Created_Time", "greater_equal", "\"2019-10-14T15:30:00+05:30\""));
        Assert.Equal(new DateTimeOffset(2019, 10, 14, 15, 30, 0, TimeSpan.FromMinutes(330)), Assert.Single(condition.Values));
    }

    [Fact]
    public void Date_times_in_utc_may_use_z() =>
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Assert.Single(ParseCondition(Leaf("Created_Time", "equal", "\"2024-01-01T00:00:00Z\"")).Values));

    [Theory]
    [InlineData("Date_of_Birth", "\"28/02/1990\"")]
    [InlineData("Date_of_Birth", "\"1990-02-30\"")]
    [InlineData("Date_of_Birth", "\"1990-02-28T00:00:00+00:00\"")]
    [InlineData("Created_Time", "\"2019-10-14T15:30:00.000+05:30\"")]
    [InlineData("Created_Time", "\"2019-10-14T15:30:00\"")]
    [InlineData("Created_Time", "\"2019-10-14\"")]
    [InlineData("Created_Time", "1571047200")]
    public void Dates_refuse_other_formats_and_milliseconds(string field, string value)
    {
        var error = Refused(Leaf(field, "equal", value));
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal(StandardModules.Contacts.FindField(field)!.Type.ToZohoName(), error.Detail("expected_data_type"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    [InlineData("\"True\"", true)]
    public void Booleans_are_json_booleans_or_their_strings(string value, bool expected) =>
        Assert.Equal(expected, Assert.Single(ParseCondition(Leaf("Email_Opt_Out", "equal", value)).Values));

    [Theory]
    [InlineData("1")]
    [InlineData("\"yes\"")]
    public void Booleans_refuse_other_values(string value) =>
        Assert.Equal("boolean", Refused(Leaf("Email_Opt_Out", "equal", value)).Detail("expected_data_type"));

    [Theory]
    [InlineData("Owner", "\"554023000000695002\"")]
    [InlineData("Owner", "554023000000695002")]
    [InlineData("Account_Name", "\"554023000000695002\"")]
    public void Lookups_take_record_and_user_ids(string field, string value) =>
        Assert.Equal(554_023_000_000_695_002L, Assert.Single(ParseCondition(Leaf(field, "equal", value)).Values));

    [Theory]
    [InlineData("Owner", "\"Patricia Boyle\"")]
    [InlineData("Owner", "\"-5\"")]
    [InlineData("Account_Name", "\"Zylker\"")]
    [InlineData("Account_Name", "4.5")]
    public void Lookups_refuse_anything_but_ids(string field, string value)
    {
        var error = Refused(Leaf(field, "equal", value));
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal(field, error.Detail("api_name"));
    }

    [Fact]
    public void In_takes_a_list_of_typed_values()
    {
        var condition = ParseCondition(Leaf("Owner", "in", """["554023000000695002","554023000000691003"]"""));
        Assert.Equal([554_023_000_000_695_002L, 554_023_000_000_691_003L], condition.Values);
    }

    [Fact]
    public void In_reads_a_lone_scalar_as_a_one_element_list() =>
        Assert.Equal(["Boyle"], ParseCondition(Leaf("Last_Name", "not_in", "\"Boyle\"")).Values);

    [Fact]
    public void In_refuses_an_empty_list() =>
        Assert.Equal("INVALID_CRITERIA", Refused(Leaf("Last_Name", "in", "[]")).Code);

    [Fact]
    public void In_names_the_element_that_is_wrong()
    {
        var error = Refused(Leaf("Owner", "in", """["554023000000695002","Boyle"]"""));
        Assert.Equal("$.query.criteria.value[1]", error.Detail("json_path"));
    }

    [Fact]
    public void Scalar_comparators_refuse_arrays()
    {
        var error = Refused(Leaf("Last_Name", "equal", """["a","b"]"""));
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal("equal", error.Detail("comparator"));
    }

    [Fact]
    public void Between_takes_two_ordered_values()
    {
        var condition = ParseCondition(Leaf("Date_of_Birth", "between", """["1990-01-01","1990-12-31"]"""));
        Assert.Equal([new DateOnly(1990, 1, 1), new DateOnly(1990, 12, 31)], condition.Values);
    }

    [Fact]
    public void Between_accepts_equal_bounds() =>
        Assert.Equal(2, ParseCondition(Leaf("Created_Time", "not_between", """["2024-01-01T00:00:00Z","2024-01-01T05:30:00+05:30"]""")).Values.Count);

    [Theory]
    [InlineData("\"1990-01-01\"")]
    [InlineData("[\"1990-01-01\"]")]
    [InlineData("[\"1990-01-01\",\"1990-02-01\",\"1990-03-01\"]")]
    [InlineData("[\"1990-12-31\",\"1990-01-01\"]")]
    [InlineData("[\"${EMPTY}\",\"1990-01-01\"]")]
    public void Between_refuses_anything_but_two_ordered_values(string value)
    {
        var error = Refused(Leaf("Date_of_Birth", "between", value));
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal("between", error.Detail("comparator"));
    }

    [Fact]
    public void A_missing_or_null_value_is_invalid_criteria()
    {
        Assert.Equal("$.query.criteria.value", Refused("""{"api_name":"Last_Name","comparator":"equal"}""").Detail("json_path"));
        Assert.Equal("INVALID_CRITERIA", Refused("""{"api_name":"Last_Name","comparator":"equal","value":null}""").Code);
    }
}
