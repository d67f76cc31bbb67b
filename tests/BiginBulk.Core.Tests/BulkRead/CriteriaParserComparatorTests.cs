using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Modules;
using static BiginBulk.Core.Tests.BulkRead.ReadTestModules;

namespace BiginBulk.Core.Tests.BulkRead;

/// <summary>Every comparator on every data type, against the page's "Allowed Comparators" table.</summary>
public sealed class CriteriaParserComparatorTests
{
    private static readonly string[] AllComparators =
    [
        "equal", "not_equal", "in", "not_in", "less_than", "less_equal", "greater_than", "greater_equal",
        "contains", "not_contains", "starts_with", "ends_with", "between", "not_between",
    ];

    private static readonly string[] NumberComparators = ["equal", "not_equal", "in", "not_in", "less_than", "less_equal", "greater_than", "greater_equal"];
    private static readonly string[] TextComparators = ["equal", "not_equal", "in", "not_in", "contains", "not_contains", "starts_with", "ends_with"];

    // The table's six, plus the ordering four the page's own ICS sample uses (greater_equal on Created_Time).
    private static readonly string[] DateComparators = ["equal", "not_equal", "in", "not_in", "less_than", "less_equal", "greater_than", "greater_equal", "between", "not_between"];
    private static readonly string[] BooleanComparators = ["equal"];
    private static readonly string[] LookupComparators = ["equal", "not_equal", "in", "not_in"];

    public static TheoryData<FieldType, string> EveryTypeAndComparator()
    {
        var data = new TheoryData<FieldType, string>();
        foreach (var type in Enum.GetValues<FieldType>())
        {
            foreach (var comparator in AllComparators)
            {
                data.Add(type, comparator);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTypeAndComparator))]
    public void Each_comparator_is_allowed_exactly_where_the_table_says(FieldType type, string comparator)
    {
        var allowed = Allowed(type);
        var json = Leaf(FieldName(type), comparator, SampleValue(type, comparator));
        if (allowed.Contains(comparator))
        {
            var condition = ParseCondition(json, AllTypes);
            Assert.Equal(comparator, condition.Comparator.ToWireName());
            Assert.Equal(type, condition.Field.Type);
            Assert.False(condition.MatchesEmpty);
            Assert.Equal(comparator is "between" or "not_between" or "in" or "not_in" ? 2 : 1, condition.Values.Count);
        }
        else
        {
            var error = Refused(json, AllTypes);
            Assert.Equal("INVALID_CRITERIA", error.Code);
            Assert.Equal(400, error.HttpStatus);
            Assert.Equal(FieldName(type), error.Detail("api_name"));
            Assert.Equal(comparator, error.Detail("comparator"));
            Assert.Equal("$.query.criteria.comparator", error.Detail("json_path"));
            Assert.Equal(allowed, error.Details["supported"]!.AsArray().Select(n => n!.GetValue<string>()));
        }
    }

    [Theory]
    [InlineData("Owner.last_name", "contains", "\"Boy\"")]
    [InlineData("Owner.email", "ends_with", "\"@zylker.com\"")]
    [InlineData("Owner.id", "greater_than", "\"100\"")]
    [InlineData("Account_Name.Phone", "starts_with", "\"+1\"")]
    [InlineData("Account_Name.Created_Time", "between", "[\"2024-01-01T00:00:00+00:00\",\"2024-02-01T00:00:00+00:00\"]")]
    public void Dot_fields_take_the_comparators_of_the_field_they_read(string field, string comparator, string value)
    {
        var condition = ParseCondition($$"""{"api_name":"{{field}}","comparator":"{{comparator}}","value":{{value}}}""");
        Assert.True(condition.Field.IsDotField);
        Assert.Equal(comparator, condition.Comparator.ToWireName());
    }

    [Theory]
    [InlineData("Owner.last_name", "in", "[\"Boyle\"]")]
    [InlineData("Account_Name.Phone", "equal", "\"5\"")]
    public void Dot_fields_are_not_limited_to_the_lookup_comparators(string field, string comparator, string value) =>
        Assert.Equal(field, ParseCondition($$"""{"api_name":"{{field}}","comparator":"{{comparator}}","value":{{value}}}""").Field.ApiName);

    [Theory]
    [InlineData("Owner.last_name", "greater_than", "\"B\"")]
    [InlineData("Account_Name.Phone", "less_than", "\"5\"")]
    [InlineData("Owner", "contains", "\"Boyle\"")]
    [InlineData("Account_Name", "starts_with", "\"5\"")]
    public void Dot_fields_and_lookups_refuse_comparators_of_other_types(string field, string comparator, string value)
    {
        var error = Refused($$"""{"api_name":"{{field}}","comparator":"{{comparator}}","value":{{value}}}""");
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal(comparator, error.Detail("comparator"));
    }

    [Fact]
    public void An_unknown_comparator_lists_the_supported_ones_for_the_field()
    {
        var error = Refused("""{"api_name":"Last_Name","comparator":"like","value":"Boyle"}""");
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal("like", error.Detail("comparator"));
        Assert.Equal("Last_Name", error.Detail("api_name"));
        Assert.Equal(TextComparators, error.Details["supported"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Comparators_are_read_case_insensitively() =>
        Assert.Equal(Comparator.NotEqual, ParseCondition("""{"api_name":"Last_Name","comparator":"NOT_EQUAL","value":"Boyle"}""").Comparator);

    [Fact]
    public void A_missing_comparator_is_invalid_criteria()
    {
        var error = Refused("""{"api_name":"Last_Name","value":"Boyle"}""");
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal("$.query.criteria.comparator", error.Detail("json_path"));
    }

    private static string[] Allowed(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.BigInt or FieldType.Decimal or FieldType.Currency or FieldType.Percent => NumberComparators,
        FieldType.Date or FieldType.DateTime => DateComparators,
        FieldType.Boolean => BooleanComparators,
        FieldType.Lookup or FieldType.OwnerLookup => LookupComparators,
        _ => TextComparators,
    };

    /// <summary>A valid value of <paramref name="type"/>, shaped for the comparator (list, range or scalar).</summary>
    private static string SampleValue(FieldType type, string comparator)
    {
        var (one, two) = type switch
        {
            FieldType.Integer or FieldType.BigInt or FieldType.Decimal or FieldType.Currency or FieldType.Percent => ("1", "2"),
            FieldType.Date => ("\"2024-03-01\"", "\"2024-03-31\""),
            FieldType.DateTime => ("\"2024-03-01T00:00:00+05:30\"", "\"2024-03-31T23:59:59+05:30\""),
            FieldType.Boolean => ("true", "false"),
            FieldType.Lookup or FieldType.OwnerLookup => ("\"5725767000000002179\"", "\"5725767000000002180\""),
            _ => ("\"a\"", "\"b\""),
        };
        return comparator is "in" or "not_in" or "between" or "not_between" ? $"[{one},{two}]" : one;
    }
}
