using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using static BiginBulk.Core.Tests.BulkRead.ReadTestModules;

namespace BiginBulk.Core.Tests.BulkRead;

public sealed class CriteriaJsonWriterTests
{
    [Fact]
    public void A_crm_shaped_tree_is_written_in_the_bigin_flat_shape_with_canonical_names_and_values()
    {
        var criteria = Parse("""
            {"group_operator":"AND","group":[
              {"field":{"api_name":"owner.LAST_NAME"},"comparator":"Equal","value":"Boyle"},
              {"field":{"api_name":"email_opt_out"},"comparator":"equal","value":"false"},
              {"api_name":"Owner","comparator":"in","value":"554023000000695002"},
              {"api_name":"Created_Time","comparator":"between","value":["2024-01-01T00:00:00Z","2024-02-01T00:00:00+05:30"]},
              {"api_name":"Account_Name","comparator":"not_in","value":[554023000000691003,"${EMPTY}"]},
              {"api_name":"Last_Name","comparator":"not_equal","value":"${EMPTY}"}
            ]}
            """);

        var expected = JsonNode.Parse("""
            {"group":[
              {"api_name":"Owner.last_name","comparator":"equal","value":"Boyle"},
              {"api_name":"Email_Opt_Out","comparator":"equal","value":false},
              {"api_name":"Owner","comparator":"in","value":["554023000000695002"]},
              {"api_name":"Created_Time","comparator":"between","value":["2024-01-01T00:00:00+00:00","2024-02-01T00:00:00+05:30"]},
              {"api_name":"Account_Name","comparator":"not_in","value":["554023000000691003","${EMPTY}"]},
              {"api_name":"Last_Name","comparator":"not_equal","value":"${EMPTY}"}
            ],"group_operator":"and"}
            """);
        Assert.Equal(expected!.ToJsonString(), CriteriaJsonWriter.Write(criteria).ToJsonString());
    }

    [Fact]
    public void Numbers_stay_numbers_and_bigint_ids_become_strings()
    {
        var json = CriteriaJsonWriter.Write(Parse("""
            {"group_operator":"or","group":[
              {"api_name":"F_currency","comparator":"greater_than","value":"12.50"},
              {"api_name":"F_integer","comparator":"less_equal","value":"7"},
              {"api_name":"id","comparator":"equal","value":5725767000000002179},
              {"api_name":"F_date","comparator":"in","value":["2024-03-01"]}]}
            """, AllTypes));
        Assert.Equal(
            """{"group":[{"api_name":"F_currency","comparator":"greater_than","value":12.50},{"api_name":"F_integer","comparator":"less_equal","value":7},{"api_name":"id","comparator":"equal","value":"5725767000000002179"},{"api_name":"F_date","comparator":"in","value":["2024-03-01"]}],"group_operator":"or"}""",
            json.ToJsonString());
    }

    [Fact]
    public void A_single_condition_stays_a_single_condition() =>
        Assert.Equal("""{"api_name":"Owner.last_name","comparator":"equal","value":"Patricia Boyle"}""",
            CriteriaJsonWriter.Write(Parse("""{"api_name":"Owner.last_name","comparator":"equal","value":"Patricia Boyle"}""")).ToJsonString());

    [Theory]
    [InlineData("""{"group_operator":"or","group":[{"api_name":"Owner.last_name","comparator":"equal","value":"Boyle"},{"api_name":"Account_Name.Phone","comparator":"contains","value":"5"}]}""")]
    [InlineData("""{"group_operator":"and","group":[{"group_operator":"or","group":[{"api_name":"Date_of_Birth","comparator":"not_between","value":["1990-01-01","1999-12-31"]},{"api_name":"Owner","comparator":"not_in","value":["${EMPTY}"]}]},{"api_name":"Email_Opt_Out","comparator":"equal","value":true}]}""")]
    public void The_written_json_reads_back_to_the_same_tree_and_json(string json)
    {
        var first = CriteriaJsonWriter.Write(Parse(json));
        var second = CriteriaJsonWriter.Write(Parse(first.ToJsonString()));
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.True(JsonNode.DeepEquals(first, second));
    }
}
