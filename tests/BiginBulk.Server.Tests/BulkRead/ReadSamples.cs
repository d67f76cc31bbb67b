using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>
/// The three sample inputs of Bigin's "Create Bulk Read job" page, verbatim, and their CRM v3+ form
/// (<c>module {api_name}</c>, leaves <c>{field:{api_name}}</c>).
/// </summary>
internal static class ReadSamples
{
    public const string WithLookupFields = """
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

    /// <summary>The sample's cvid (<c>554023000000093005</c>) is a view of Zoho's demo org; <c>{cvid}</c> is replaced by one of ours.</summary>
    public const string WithCvidAndCriteria = """
        {
        "callback": {
        "url": "https://www.example.com/callback",
        "method": "post"
        },
        "query": {
        "module": "Accounts",
        "cvid": "{cvid}",
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

    public const string SampleCvid = "554023000000093005";

    public const string MeetingsAsIcs = """
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

    /// <summary>The same body in CRM v3+'s shape: module as an object, leaves naming their field in <c>field.api_name</c>.</summary>
    public static JsonNode ToCrmShape(string json)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        var query = body["query"]!.AsObject();
        query["module"] = new JsonObject { ["api_name"] = query["module"]!.GetValue<string>() };
        if (query["criteria"] is JsonObject criteria)
        {
            query["criteria"] = ToCrmLeaves(criteria);
        }

        return body;
    }

    public static JsonObject ToCrmLeaves(JsonObject node)
    {
        var result = new JsonObject();
        foreach (var (key, value) in node)
        {
            result[key] = key switch
            {
                "api_name" => null,
                "group" => new JsonArray([.. value!.AsArray().Select(c => (JsonNode?)ToCrmLeaves(c!.AsObject()))]),
                _ => value?.DeepClone(),
            };
            if (key == "api_name")
            {
                result.Remove("api_name");
                result["field"] = new JsonObject { ["api_name"] = value!.GetValue<string>() };
            }
        }

        return result;
    }
}
