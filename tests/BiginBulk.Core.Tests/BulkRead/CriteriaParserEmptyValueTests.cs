using BiginBulk.Core.Modules;
using static BiginBulk.Core.Tests.BulkRead.ReadTestModules;

namespace BiginBulk.Core.Tests.BulkRead;

/// <summary><c>${EMPTY}</c>: "no value", for every type, with equal, not_equal, in and not_in only.</summary>
public sealed class CriteriaParserEmptyValueTests
{
    public static TheoryData<FieldType, string> EveryTypeWithEqualityComparators()
    {
        var data = new TheoryData<FieldType, string>();
        foreach (var type in Enum.GetValues<FieldType>())
        {
            data.Add(type, "equal");
            if (type != FieldType.Boolean)
            {
                data.Add(type, "not_equal");
                data.Add(type, "in");
                data.Add(type, "not_in");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTypeWithEqualityComparators))]
    public void Empty_matches_no_value_for_every_type(FieldType type, string comparator)
    {
        var value = comparator is "in" or "not_in" ? """["${EMPTY}"]""" : "\"${EMPTY}\"";
        var condition = ParseCondition(Leaf(FieldName(type), comparator, value), AllTypes);
        Assert.True(condition.MatchesEmpty);
        Assert.Empty(condition.Values);
    }

    [Fact]
    public void Empty_may_sit_among_the_values_of_in()
    {
        var condition = ParseCondition(Leaf("Owner", "in", """["554023000000695002","${EMPTY}"]"""));
        Assert.True(condition.MatchesEmpty);
        Assert.Equal([554_023_000_000_695_002L], condition.Values);
    }

    [Theory]
    [InlineData("Last_Name", "contains")]
    [InlineData("Created_Time", "greater_than")]
    [InlineData("id", "less_than")]
    public void Empty_is_refused_with_ordering_and_text_comparators(string field, string comparator)
    {
        var error = Refused(Leaf(field, comparator, "\"${EMPTY}\""));
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal(comparator, error.Detail("comparator"));
    }

    [Fact]
    public void Empty_is_matched_exactly_not_as_lower_case_text()
    {
        var condition = ParseCondition(Leaf("Last_Name", "equal", "\"${empty}\""));
        Assert.False(condition.MatchesEmpty);
        Assert.Equal(["${empty}"], condition.Values);
    }
}
