using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using static BiginBulk.Core.Tests.BulkRead.ReadRequests;

namespace BiginBulk.Core.Tests.BulkRead;

/// <summary>The three sample inputs of Bigin's create-bulk-read-job page, verbatim.</summary>
public sealed class BulkReadRequestParserSampleTests
{
    private const string SampleWithLookupFields = """
        {
        "callback": {
        "url": "https://www.example.com/callback",
        "method": "post"
        },
        "query": {
        "module": "Contacts",
        "fields": [
        "Last_Name",
        "Owner",
        "Owner.last_name",
        "Account_Name.Account_Name",
        "Account_Name.Phone",
        "Created_Time"
        ],
        "criteria": {
        "group_operator": "or",
        "group": [
        {
        "api_name": "Owner.last_name",
        "comparator": "equal",
        "value": "Boyle"
        },
        {
        "api_name": "Account_Name.Phone",
        "comparator": "contains",
        "value": "5"
        }
        ]
        },
        "page": 1
        }
        }
        """;

    private const string SampleWithCvidAndCriteria = """
        {
        "callback": {
        "url": "https://www.example.com/callback",
        "method": "post"
        },
        "query": {
        "module": "Accounts",
        "cvid": "554023000000093005",
        "fields": [
        "Account_Name",
        "Owner",
        "Owner.last_name",
        "Created_Time"
        ],
        "criteria": {
        "api_name": "Owner.last_name",
        "comparator": "equal",
        "value": "Patricia Boyle"
        }
        }
        }
        """;

    private const string SampleIcsMeetings = """
        {
        "query": {
        "module": "Events",
        "criteria": {
        "group": [
        {
        "group": [
        {
        "api_name": "All_day",
        "comparator": "equal",
        "value": "false"
        },
        {
        "api_name": "Owner",
        "comparator": "in",
        "value": [
        "554023000000695002",
        "554023000000691003"
        ]
        }
        ],
        "group_operator": "and"
        },
        {
        "api_name": "Created_Time",
        "comparator": "greater_equal",
        "value": "2019-10-14T15:30:00+05:30"
        }
        ],
        "group_operator": "or"
        }
        },
        "file_type": "ics"
        }
        """;

    [Fact]
    public async Task The_sample_with_lookup_fields_parses()
    {
        var job = await ParseAsync(SampleWithLookupFields);

        Assert.Equal(554_023_000_000_568_002, job.Id);
        Assert.Equal("Contacts", job.ModuleName);
        Assert.Equal("Contacts", job.ModuleApiName);
        Assert.Equal(["Last_Name", "Owner", "Owner.last_name", "Account_Name.Account_Name", "Account_Name.Phone", "Created_Time"], job.Fields);
        Assert.Equal(1, job.Page);
        Assert.Equal(BulkReadFileType.Csv, job.FileType);
        Assert.Null(job.CustomViewId);
        Assert.Equal("https://www.example.com/callback", job.Callback?.Url);
        Assert.Equal("post", job.Callback?.Method);
        Assert.Equal("Patricia Boyle", job.CreatedBy.Name);
        // Bigin's own job-details echo of this very request (docs/zoho-contract.md §2.1).
        AssertJson("""
            {"group":[{"api_name":"Owner.last_name","comparator":"equal","value":"Boyle"},
                      {"api_name":"Account_Name.Phone","comparator":"contains","value":"5"}],
             "group_operator":"or"}
            """, job.CriteriaJson);
    }

    [Fact]
    public async Task The_sample_with_cvid_and_criteria_parses()
    {
        var job = await ParseAsync(SampleWithCvidAndCriteria);

        Assert.Equal("Accounts", job.ModuleApiName);
        Assert.Equal(AccountsView, job.CustomViewId);
        Assert.Equal(["Account_Name", "Owner", "Owner.last_name", "Created_Time"], job.Fields);
        Assert.Equal(1, job.Page);
        AssertJson("""{"api_name":"Owner.last_name","comparator":"equal","value":"Patricia Boyle"}""", job.CriteriaJson);
    }

    [Fact]
    public async Task The_ics_meetings_sample_parses()
    {
        var job = await ParseAsync(SampleIcsMeetings);

        Assert.Equal("Events", job.ModuleApiName);
        Assert.Equal(BulkReadFileType.Ics, job.FileType);
        Assert.Empty(job.Fields);
        Assert.Null(job.Callback);
        AssertJson("""
            {"group":[
               {"group":[{"api_name":"All_day","comparator":"equal","value":false},
                         {"api_name":"Owner","comparator":"in","value":["554023000000695002","554023000000691003"]}],
                "group_operator":"and"},
               {"api_name":"Created_Time","comparator":"greater_equal","value":"2019-10-14T15:30:00+05:30"}],
             "group_operator":"or"}
            """, job.CriteriaJson);
    }

    [Fact]
    public async Task The_ics_sample_criteria_reads_back_as_a_typed_tree()
    {
        var job = await ParseAsync(SampleIcsMeetings);
        var tree = Assert.IsType<CriteriaGroup>(CriteriaParser.Parse(job.CriteriaJson!, Core.Modules.StandardModules.Events, ReadTestModules.FindModule, 25, "$"));

        Assert.Equal(GroupOperator.Or, tree.Operator);
        var inner = Assert.IsType<CriteriaGroup>(tree.Group[0]);
        Assert.Equal([false], Assert.IsType<CriteriaCondition>(inner.Group[0]).Values);
        Assert.Equal([554_023_000_000_695_002L, 554_023_000_000_691_003L], Assert.IsType<CriteriaCondition>(inner.Group[1]).Values);
        var created = Assert.IsType<CriteriaCondition>(tree.Group[1]);
        Assert.Equal(Comparator.GreaterEqual, created.Comparator);
        Assert.Equal(DateTimeOffset.Parse("2019-10-14T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(created.Values));
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual?.ToJsonString());
}
