using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Http;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Server.Json;

/// <summary>
/// Renders a read job as Zoho's job details (<c>{"data":[{…}]}</c>). The query is echoed in the route's
/// shape: Bigin and CRM v2 flat (module string, <c>api_name</c> leaves), CRM v3+ with objects.
/// </summary>
internal static class BulkReadJobJson
{
    public static JsonObject Render(ReadJob job, ApiFamily family, string resultPath) =>
        new() { ["data"] = new JsonArray(RenderDetail(job, family, resultPath)) };

    public static JsonObject RenderDetail(ReadJob job, ApiFamily family, string resultPath)
    {
        var (definition, progress) = (job.Definition, job.Progress);
        var json = new JsonObject
        {
            ["id"] = ZohoIds.Format(definition.Id),
            ["operation"] = "read",
            ["state"] = progress.State,
        };
        if (progress.State == BulkReadState.Completed)
        {
            json["result"] = new JsonObject
            {
                ["page"] = definition.Page,
                ["per_page"] = progress.PerPage,
                ["count"] = progress.Count,
                ["download_url"] = resultPath,
                ["more_records"] = progress.MoreRecords,
            };
        }
        else if (progress.State == BulkReadState.Failure)
        {
            json["result"] = new JsonObject
            {
                ["error_message"] = new JsonObject
                {
                    ["status"] = "error",
                    ["code"] = progress.ErrorCode ?? "INTERNAL_SERVER_ERROR",
                    ["message"] = progress.ErrorMessage ?? "Internal server error occurred.",
                    ["details"] = new JsonObject(),
                },
            };
        }

        json["query"] = RenderQuery(definition, family);
        json["created_by"] = new JsonObject { ["id"] = ZohoIds.Format(definition.CreatedBy.Id), ["name"] = definition.CreatedBy.Name };
        json["created_time"] = ZohoTime.Format(definition.CreatedTime);
        json["file_type"] = definition.FileType == BulkReadFileType.Ics ? "ics" : "csv";
        return json;
    }

    /// <summary>
    /// The body POSTed to a read job's callback, in the shape of the family it was created on. Bigin's page
    /// gives its own sample: <c>job_id</c>, <c>operation</c>, <c>state</c>, <c>query</c> and <c>result</c> (with a
    /// <c>download_url</c> on the job's version, or an <c>error_message</c>). CRM's pages say the callback is the job details.
    /// </summary>
    public static JsonObject RenderCallback(ReadJob job)
    {
        var family = ApiFamily.FromRouteName(job.Definition.Route);
        var resultPath = $"{family.ReadPrefix}/{ZohoIds.Format(job.Definition.Id)}/result";
        if (family.IsCrm)
        {
            return Render(job, family, resultPath);
        }

        var detail = RenderDetail(job, family, resultPath);
        var callback = new JsonObject
        {
            ["job_id"] = ZohoIds.Format(job.Definition.Id),
            ["operation"] = "read",
            ["state"] = job.Progress.State,
            ["query"] = detail["query"]!.DeepClone(),
        };
        if (detail["result"] is { } result)
        {
            callback["result"] = result.DeepClone();
        }

        return callback;
    }

    /// <summary>The create-job answer: 201 <c>ADDED_SUCCESSFULLY</c> in a <c>data</c> array, with an empty <c>info</c>.</summary>
    public static JsonObject RenderCreated(BulkReadJobDefinition definition) => new()
    {
        ["data"] = new JsonArray(new JsonObject
        {
            ["status"] = "success",
            ["code"] = "ADDED_SUCCESSFULLY",
            ["message"] = "Added successfully.",
            ["details"] = new JsonObject
            {
                ["id"] = ZohoIds.Format(definition.Id),
                ["operation"] = "read",
                ["state"] = BulkReadState.Added,
                ["created_by"] = new JsonObject { ["id"] = ZohoIds.Format(definition.CreatedBy.Id), ["name"] = definition.CreatedBy.Name },
                ["created_time"] = ZohoTime.Format(definition.CreatedTime),
            },
        }),
        ["info"] = new JsonObject(),
    };

    private static JsonObject RenderQuery(BulkReadJobDefinition definition, ApiFamily family)
    {
        var query = new JsonObject();
        if (definition.Fields.Count > 0)
        {
            query["fields"] = new JsonArray([.. definition.Fields.Select(f => (JsonNode?)f)]);
        }

        query["module"] = family.UsesObjectShapes
            ? new JsonObject
            {
                ["id"] = StandardModules.Find(definition.ModuleApiName) is { } module ? ZohoIds.Format(module.Id) : null,
                ["api_name"] = definition.ModuleName,
            }
            : definition.ModuleName;
        if (definition.CriteriaJson is { } criteria)
        {
            query["criteria"] = family.UsesObjectShapes ? ToObjectShape(criteria) : criteria.DeepClone();
        }

        query["page"] = definition.Page;
        if (definition.CustomViewId is { } cvid)
        {
            query["cvid"] = ZohoIds.Format(cvid);
        }

        return query;
    }

    /// <summary>Bigin's flat leaf <c>{"api_name":…}</c> becomes CRM v3+'s <c>{"field":{"api_name":…}}</c>.</summary>
    private static JsonNode ToObjectShape(JsonNode criteria)
    {
        if (criteria is not JsonObject node)
        {
            return criteria.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (key, value) in node)
        {
            switch (key)
            {
                case "api_name":
                    result["field"] = new JsonObject { ["api_name"] = value?.DeepClone() };
                    break;
                case "group" when value is JsonArray group:
                    result["group"] = new JsonArray([.. group.Select(g => g is null ? null : ToObjectShape(g))]);
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }
}
