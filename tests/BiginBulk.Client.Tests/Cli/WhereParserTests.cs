using BiginBulk.Cli;
using BiginBulk.Client.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.Cli;

public sealed class WhereParserTests
{
    [Fact]
    public void The_issue_example_becomes_nested_and_or_criteria()
    {
        var criteria = WhereParser.Parse("""Email ends_with "@example.com" and (Owner.last_name = "Boyle" or Mailing_Country in ("DE","US"))""");

        JsonAssert.Equivalent("""
            {"group_operator":"and","group":[
              {"api_name":"Email","comparator":"ends_with","value":"@example.com"},
              {"group_operator":"or","group":[
                {"api_name":"Owner.last_name","comparator":"equal","value":"Boyle"},
                {"api_name":"Mailing_Country","comparator":"in","value":["DE","US"]}]}]}
            """, criteria.ToString());
    }

    [Fact]
    public void And_binds_tighter_than_or_and_numbers_and_booleans_keep_their_types()
    {
        var criteria = WhereParser.Parse("Amount >= 10.5 and All_day = false or Name != 'x' and Count between (1, 5)");

        JsonAssert.Equivalent("""
            {"group_operator":"or","group":[
              {"group_operator":"and","group":[{"api_name":"Amount","comparator":"greater_equal","value":10.5},
                                               {"api_name":"All_day","comparator":"equal","value":false}]},
              {"group_operator":"and","group":[{"api_name":"Name","comparator":"not_equal","value":"x"},
                                               {"api_name":"Count","comparator":"between","value":[1,5]}]}]}
            """, criteria.ToString());
    }

    [Theory]
    [InlineData("Email", 6, "expected a comparator")]
    [InlineData("Email = ", 9, "expected a value")]
    [InlineData("Email ~ \"x\"", 7, "unexpected character '~'")]
    [InlineData("Email = \"x\" and", 16, "expected a field name")]
    [InlineData("(Email = \"x\"", 13, "expected ')'")]
    [InlineData("Email = \"x", 9, "not closed")]
    [InlineData("Country in \"DE\"", 12, "in takes a list")]
    [InlineData("Email = \"a\" \"b\"", 13, "expected 'and', 'or' or the end")]
    public void A_bad_expression_names_the_column_where_it_fails(string expression, int column, string message)
    {
        var error = Assert.Throws<WhereSyntaxException>(() => WhereParser.Parse(expression));

        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
