using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Modules;
using static BiginBulk.Core.Tests.BulkRead.ReadTestModules;

namespace BiginBulk.Core.Tests.BulkRead;

public sealed class CriteriaParserStructureTests
{
    [Fact]
    public void A_flat_leaf_names_its_field_in_api_name()
    {
        var condition = ParseCondition("""{"api_name":"Owner.last_name","comparator":"equal","value":"Boyle"}""");
        Assert.Equal("Owner.last_name", condition.Field.ApiName);
        Assert.Equal(UserAttributes.LastName, condition.Field.UserAttribute);
        Assert.Equal(["Boyle"], condition.Values);
    }

    [Fact]
    public void A_crm_leaf_names_its_field_in_field_api_name()
    {
        var condition = ParseCondition("""{"field":{"api_name":"Last_Name","id":null},"comparator":"equal","value":"Patricia"}""");
        Assert.Equal("Last_Name", condition.Field.ApiName);
        Assert.Equal(Comparator.Equal, condition.Comparator);
    }

    [Fact]
    public void Both_leaf_shapes_may_name_the_same_field_at_once() =>
        Assert.Equal("Last_Name", ParseCondition("""{"api_name":"last_name","field":{"api_name":"Last_Name"},"comparator":"equal","value":"x"}""").Field.ApiName);

    [Fact]
    public void Two_different_field_names_in_one_leaf_are_ambiguous() =>
        Assert.Equal("AMBIGUOUS_CRITERIA", Refused("""{"api_name":"First_Name","field":{"api_name":"Last_Name"},"comparator":"equal","value":"x"}""").Code);

    [Fact]
    public void Field_names_are_matched_case_insensitively_and_canonicalised() =>
        Assert.Equal("Account_Name.Phone", ParseCondition("""{"api_name":"account_name.PHONE","comparator":"contains","value":"5"}""").Field.ApiName);

    [Theory]
    [InlineData("Nickname")]
    [InlineData("Owner.nickname")]
    [InlineData("Account_Name.Nickname")]
    [InlineData("Last_Name.Phone")]
    [InlineData("Account_Name.Owner.last_name")]
    public void An_unknown_field_is_invalid_criteria_naming_it(string field)
    {
        var error = Refused($$"""{"group_operator":"and","group":[{"api_name":"Last_Name","comparator":"equal","value":"x"},{"api_name":"{{field}}","comparator":"equal","value":"x"}]}""");
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal(field, error.Detail("api_name"));
        Assert.Equal("$.query.criteria.group[1].api_name", error.Detail("json_path"));
    }

    [Fact]
    public void A_crm_leaf_with_an_unknown_field_points_at_field_api_name() =>
        Assert.Equal("$.query.criteria.field.api_name", Refused("""{"field":{"api_name":"Nope"},"comparator":"equal","value":"x"}""").Detail("json_path"));

    [Theory]
    [InlineData("""{"api_name":5,"comparator":"equal","value":"x"}""")]
    [InlineData("""{"field":"Last_Name","comparator":"equal","value":"x"}""")]
    [InlineData("""{"field":{},"comparator":"equal","value":"x"}""")]
    [InlineData("""{"comparator":"equal","value":"x"}""")]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData("""{"group_operator":"and","group":["Last_Name"]}""")]
    public void Malformed_nodes_are_invalid_criteria(string json) =>
        Assert.Equal("INVALID_CRITERIA", Refused(json).Code);

    [Fact]
    public void Groups_nest_to_any_depth()
    {
        var json = """{"api_name":"Last_Name","comparator":"equal","value":"x"}""";
        for (var i = 0; i < 20; i++)
        {
            json = $$"""{"group_operator":"{{(i % 2 == 0 ? "or" : "and")}}","group":[{{json}}]}""";
        }

        var node = Parse(json);
        for (var i = 19; i >= 0; i--)
        {
            var group = Assert.IsType<CriteriaGroup>(node);
            Assert.Equal(i % 2 == 0 ? GroupOperator.Or : GroupOperator.And, group.Operator);
            node = Assert.Single(group.Group);
        }

        Assert.Equal("Last_Name", Assert.IsType<CriteriaCondition>(node).Field.ApiName);
    }

    [Theory]
    [InlineData("and", GroupOperator.And)]
    [InlineData("AND", GroupOperator.And)]
    [InlineData("Or", GroupOperator.Or)]
    public void Group_operators_are_read_case_insensitively(string op, GroupOperator expected) =>
        Assert.Equal(expected, Assert.IsType<CriteriaGroup>(Parse($$"""{"group_operator":"{{op}}","group":[{"api_name":"Last_Name","comparator":"equal","value":"x"}]}""")).Operator);

    [Theory]
    [InlineData("""{"group_operator":"xor","group":[{"api_name":"Last_Name","comparator":"equal","value":"x"}]}""", "$.query.criteria.group_operator")]
    [InlineData("""{"group":[{"api_name":"Last_Name","comparator":"equal","value":"x"}]}""", "$.query.criteria.group_operator")]
    [InlineData("""{"group_operator":"and","group":[]}""", "$.query.criteria.group")]
    [InlineData("""{"group_operator":"and"}""", "$.query.criteria.group")]
    [InlineData("""{"group_operator":"and","group":{"api_name":"Last_Name"}}""", "$.query.criteria.group")]
    public void Malformed_groups_are_invalid_criteria_at_their_key(string json, string path)
    {
        var error = Refused(json);
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal(path, error.Detail("json_path"));
    }

    [Fact]
    public void A_bad_group_operator_lists_and_and_or() =>
        Assert.Equal(["and", "or"], Refused("""{"group_operator":"xor","group":[{"api_name":"Last_Name","comparator":"equal","value":"x"}]}""")
            .Details["supported"]!.AsArray().Select(n => n!.GetValue<string>()));

    [Theory]
    [InlineData("""{"group_operator":"and","group":[],"api_name":"Last_Name","comparator":"equal","value":"x"}""")]
    [InlineData("""{"group":[{"api_name":"Last_Name","comparator":"equal","value":"x"}],"value":"x"}""")]
    [InlineData("""{"group_operator":"or","field":{"api_name":"Last_Name"}}""")]
    public void A_node_that_is_both_group_and_condition_is_ambiguous(string json)
    {
        var error = Refused(json);
        Assert.Equal("AMBIGUOUS_CRITERIA", error.Code);
        Assert.Equal("$.query.criteria", error.Detail("json_path"));
    }

    [Fact]
    public void Explicit_nulls_do_not_make_a_node_ambiguous() =>
        Assert.IsType<CriteriaCondition>(Parse("""{"group":null,"group_operator":null,"api_name":"Last_Name","comparator":"equal","value":"x","type":"value"}"""));

    [Fact]
    public void Conditions_up_to_the_limit_are_accepted() =>
        Assert.Equal(25, Assert.IsType<CriteriaGroup>(Parse(Conditions(25))).Group.Count);

    [Fact]
    public void More_conditions_than_the_limit_are_refused_with_max_limit()
    {
        var error = Refused(Conditions(26));
        Assert.Equal("CRITERIA_LIMIT_EXCEEDED", error.Code);
        Assert.Equal("25", error.Detail("max_limit"));
        Assert.Equal("$.query.criteria", error.Detail("json_path"));
    }

    [Fact]
    public void The_limit_counts_conditions_in_nested_groups_too()
    {
        var nested = $$"""{"group_operator":"and","group":[{{Conditions(3)}},{{Conditions(3)}}]}""";
        Assert.IsType<CriteriaGroup>(Parse(nested, maxConditions: 6));
        Assert.Equal("5", Refused(nested, maxConditions: 5).Detail("max_limit"));
    }

    [Fact]
    public void The_limit_is_checked_before_the_conditions_themselves()
    {
        var json = $$"""{"group_operator":"or","group":[{"api_name":"Nope","comparator":"equal","value":"x"},{{Conditions(2)}}]}""";
        Assert.Equal("CRITERIA_LIMIT_EXCEEDED", Refused(json, maxConditions: 2).Code);
    }

    [Fact]
    public void And_with_nothing_is_the_other_criteria()
    {
        var criteria = Parse(Conditions(1));
        Assert.Same(criteria, CriteriaParser.And(criteria, null));
        Assert.Same(criteria, CriteriaParser.And(null, criteria));
        Assert.Null(CriteriaParser.And(null, null));
    }

    [Fact]
    public void And_requires_both_criteria()
    {
        var view = Parse("""{"api_name":"Last_Name","comparator":"equal","value":"x"}""");
        var request = Parse("""{"api_name":"Email","comparator":"contains","value":"@"}""");
        var both = Assert.IsType<CriteriaGroup>(CriteriaParser.And(view, request));
        Assert.Equal(GroupOperator.And, both.Operator);
        Assert.Equal([view, request], both.Group);
    }

    private static string Conditions(int count) =>
        $$"""{"group_operator":"or","group":[{{string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"api_name":"Last_Name","comparator":"equal","value":"n{{i}}"}"""))}}]}""";
}
