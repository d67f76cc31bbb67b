using System.Text.Json.Nodes;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Http;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Server.Json;

/// <summary>
/// Renders a write job as Bigin's "Get Bulk Write Job Details" object, keys in the documented order.
/// The callback body is the same object (notes §3.3).
/// </summary>
internal static class BulkWriteJobJson
{
    public static JsonObject Render(WriteJob job, ApiFamily family, string? downloadUrl)
    {
        var (definition, progress) = (job.Definition, job.Progress);
        var json = new JsonObject { ["status"] = progress.Status };
        var encoding = progress.CharacterEncoding ?? definition.RequestedEncoding;
        if (encoding is not null)
        {
            json["character_encoding"] = encoding;
        }

        json["resource"] = new JsonArray(RenderResource(definition, progress, family));
        json["id"] = ZohoIds.Format(definition.Id);
        if (definition.Callback is { } callback)
        {
            json["callback"] = new JsonObject { ["url"] = callback.Url, ["method"] = callback.Method };
        }

        if (progress.Status == BulkWriteStatus.Completed && downloadUrl is not null)
        {
            json["result"] = new JsonObject { ["download_url"] = downloadUrl };
            if (progress.FailureMessage is { } stopped)
            {
                // Reading stopped early (a quote never closed): the last row read is where, as in the result
                // file's UNPROCESSED row. Zoho's job-level error object carries it, as its failure callbacks do.
                json["result"]!["error_message"] = new JsonObject
                {
                    ["status"] = "error",
                    ["code"] = "INVALID_DATA",
                    ["message"] = stopped,
                    ["details"] = new JsonObject { ["row"] = progress.CheckpointRow },
                };
            }
        }

        json["created_by"] = new JsonObject { ["id"] = ZohoIds.Format(definition.CreatedBy.Id), ["name"] = definition.CreatedBy.Name };
        json["operation"] = definition.Operation.ToString().ToLowerInvariant();
        json["created_time"] = ZohoTime.Format(definition.CreatedTime);
        json["ignore_empty"] = definition.IgnoreEmpty;
        return json;
    }

    private static JsonObject RenderResource(BulkWriteJobDefinition definition, BulkWriteProgress progress, ApiFamily family)
    {
        var resource = new JsonObject
        {
            ["status"] = progress.Status,
            ["type"] = "data",
            ["module"] = family.UsesObjectShapes
                ? new JsonObject
                {
                    ["api_name"] = definition.ModuleName,
                    ["id"] = StandardModules.Find(definition.ModuleApiName) is { } module ? ZohoIds.Format(module.Id) : null,
                }
                : definition.ModuleName,
            ["field_mappings"] = new JsonArray([.. definition.Mappings.Select(m => (JsonNode)RenderMapping(m, family))]),
        };
        if (definition.FindBy is not null)
        {
            resource["find_by"] = definition.FindBy;
        }

        if (family.IsCrm)
        {
            // CRM job details (and SDK8's Resource) carry the resource's code; Bigin's samples do not.
            resource["code"] = progress.Status;
        }

        resource["file"] = new JsonObject
        {
            ["status"] = progress.Status,
            ["name"] = definition.FileName,
            ["added_count"] = progress.AddedCount,
            ["skipped_count"] = progress.SkippedCount,
            ["updated_count"] = progress.UpdatedCount,
            ["total_count"] = progress.TotalCount,
        };
        return resource;
    }

    private static JsonObject RenderMapping(FieldMapping mapping, ApiFamily family)
    {
        var json = new JsonObject
        {
            ["api_name"] = mapping.ApiName,
            ["index"] = mapping.Index,
            ["format"] = mapping.Format,
            ["find_by"] = mapping.FindBy,
        };
        if (family.IsCrm)
        {
            json["module"] = null;
        }

        json["default_value"] = mapping.DefaultValue is null ? null : new JsonObject { ["value"] = mapping.DefaultValue };
        return json;
    }
}
