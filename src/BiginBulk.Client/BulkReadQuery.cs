using System.Text.Json.Nodes;

namespace BiginBulk.Client;

/// <summary>What a bulk read job exports.</summary>
/// <param name="Module">The module's API name, e.g. <c>Contacts</c>.</param>
public sealed record BulkReadQuery(string Module)
{
    /// <summary>The fields (dot fields follow lookups, e.g. <c>Owner.last_name</c>); empty for all fields.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Which records, or null for all.</summary>
    public Criteria? Criteria { get; init; }

    /// <summary>A custom view's id: exports the view's records (criteria are ANDed on).</summary>
    public string? CustomViewId { get; init; }

    /// <summary>CSV or ICS.</summary>
    public BulkReadFileType FileType { get; init; } = BulkReadFileType.Csv;

    /// <summary>The first page to export (1-based). Default 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>A URL the job's details are POSTed to when it finishes.</summary>
    public Uri? CallbackUrl { get; init; }

    internal JsonObject ToJson()
    {
        var query = new JsonObject { ["module"] = Module };
        if (CustomViewId is not null)
        {
            query["cvid"] = CustomViewId;
        }

        if (Fields.Count > 0)
        {
            query["fields"] = new JsonArray([.. Fields.Select(f => (JsonNode?)f)]);
        }

        if (Criteria is not null)
        {
            query["criteria"] = Criteria.ToJson();
        }

        query["page"] = Page;
        var body = new JsonObject();
        if (CallbackUrl is not null)
        {
            body["callback"] = new JsonObject { ["url"] = CallbackUrl.ToString(), ["method"] = "post" };
        }

        body["query"] = query;
        if (FileType == BulkReadFileType.Ics)
        {
            body["file_type"] = "ics";
        }

        return body;
    }
}
