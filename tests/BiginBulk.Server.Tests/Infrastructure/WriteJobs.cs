using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// The whole bulk write flow with every option a row test needs (raw bytes, <c>character_encoding</c>,
/// <c>ignore_empty</c>, mappings with formats and defaults), and record read-back. Builds on
/// <see cref="BiginClient"/>; asserts only that each HTTP step succeeds.
/// </summary>
public static class WriteJobs
{
    /// <summary>A tag unique to one test, so tests sharing a server never see each other's records.</summary>
    public static string NewTag() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>One <c>field_mappings</c> entry.</summary>
    public static JsonObject Map(string apiName, int? index = null, string? format = null, string? defaultValue = null, string? findBy = null)
    {
        var mapping = new JsonObject { ["api_name"] = apiName };
        if (index is not null)
        {
            mapping["index"] = index;
        }

        if (format is not null)
        {
            mapping["format"] = format;
        }

        if (findBy is not null)
        {
            mapping["find_by"] = findBy;
        }

        if (defaultValue is not null)
        {
            mapping["default_value"] = new JsonObject { ["value"] = defaultValue };
        }

        return mapping;
    }

    /// <summary>A create-job body for one uploaded file.</summary>
    public static JsonObject Body(string fileId, string operation = "insert", string module = "Contacts", string? findBy = null, JsonArray? mappings = null, bool? ignoreEmpty = null, string? encoding = null)
    {
        var resource = new JsonObject { ["type"] = "data", ["module"] = new JsonObject { ["api_name"] = module }, ["file_id"] = fileId };
        if (findBy is not null)
        {
            resource["find_by"] = findBy;
        }

        if (mappings is not null)
        {
            resource["field_mappings"] = mappings;
        }

        var body = new JsonObject { ["operation"] = operation };
        if (encoding is not null)
        {
            body["character_encoding"] = encoding;
        }

        if (ignoreEmpty is not null)
        {
            body["ignore_empty"] = ignoreEmpty;
        }

        body["resource"] = new JsonArray(resource);
        return body;
    }

    /// <summary>Upload (UTF-8, no BOM), create, wait for COMPLETED, download the result.</summary>
    public static Task<WriteRun> WriteAsync(this BiginClient client, string csv, string operation = "insert", string module = "Contacts", string? findBy = null, JsonArray? mappings = null, bool? ignoreEmpty = null, string? encoding = null, string fileName = "Rows.csv") =>
        client.WriteBytesAsync(new UTF8Encoding(false).GetBytes(csv), operation, module, findBy, mappings, ignoreEmpty, encoding, fileName);

    /// <summary>Like <see cref="WriteAsync"/> for a file given as bytes, in whatever encoding.</summary>
    public static async Task<WriteRun> WriteBytesAsync(this BiginClient client, byte[] csv, string operation = "insert", string module = "Contacts", string? findBy = null, JsonArray? mappings = null, bool? ignoreEmpty = null, string? encoding = null, string fileName = "Rows.csv")
    {
        var fileId = await client.UploadBytesAsync(csv, fileName);
        var jobId = await client.CreateWriteJobAsync(Body(fileId, operation, module, findBy, mappings, ignoreEmpty, encoding));
        var job = await client.WaitForWriteJobAsync(jobId);
        Assert.True(job["status"]!.GetValue<string>() == "COMPLETED", $"Job {jobId} did not complete: {job.ToJsonString()}");
        var (entry, result) = await client.DownloadWriteResultAsync(job);
        return new WriteRun(jobId, job, entry, ResultFile.Parse(result));
    }

    /// <summary>One record as Zoho's record JSON (<c>data[0]</c>), failing the test when it does not exist.</summary>
    public static async Task<JsonObject> GetRecordAsync(this BiginClient client, string module, string id)
    {
        var response = await client.GetAsync($"/bigin/v2/{module}/{id}");
        response.AssertStatus(HttpStatusCode.OK);
        var data = response.Json["data"]!.AsArray();
        Assert.Single(data);
        Assert.Equal(id, data[0]!["id"]!.GetValue<string>());
        return data[0]!.AsObject();
    }

    /// <summary>The records of a module whose <paramref name="field"/> (a string) contains <paramref name="tag"/>.</summary>
    public static async Task<List<JsonObject>> RecordsTaggedAsync(this BiginClient client, string module, string field, string tag)
    {
        var all = await client.ListRecordsAsync(module);
        return [.. all.Where(r => r[field]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && r[field]!.GetValue<string>().Contains(tag, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>A string field of record JSON, or null when it is JSON null.</summary>
    public static string? Text(this JsonObject record, string field) =>
        record[field] is JsonValue value ? value.ToString() : null;

    /// <summary>
    /// Asserts the job's counts and that the result file agrees with them: one line per row, and as many
    /// ADDED/UPDATED/SKIPPED lines as the counts say.
    /// </summary>
    public static void AssertCounts(this WriteRun run, int added, int updated, int skipped)
    {
        var counts = $"added {run.Count("added_count")}, updated {run.Count("updated_count")}, skipped {run.Count("skipped_count")}, total {run.Count("total_count")}";
        Assert.True(run.Count("added_count") == added, $"added_count: expected {added}; {counts}");
        Assert.True(run.Count("updated_count") == updated, $"updated_count: expected {updated}; {counts}");
        Assert.True(run.Count("skipped_count") == skipped, $"skipped_count: expected {skipped}; {counts}");
        Assert.Equal(added + updated + skipped, run.Count("total_count"));
        Assert.Equal(added + updated + skipped, run.Result.Rows.Count);
        Assert.Equal(added, run.Result.Statuses.Count(s => s == "ADDED"));
        Assert.Equal(updated, run.Result.Statuses.Count(s => s == "UPDATED"));
        Assert.Equal(skipped, run.Result.Statuses.Count(s => s == "SKIPPED"));
    }

    /// <summary>
    /// Asserts one result line: its STATUS and ERRORS, a RECORD_ID exactly when the row was added or
    /// updated, and returns that id.
    /// </summary>
    public static string AssertRow(this WriteRun run, int row, string status, string errors = "")
    {
        var line = string.Join(",", run.Result.Rows[row]);
        Assert.True(status == run.Result.Cell(row, "STATUS"), $"row {row}: expected {status}, got line [{line}]");
        Assert.True(errors == run.Result.Cell(row, "ERRORS"), $"row {row}: expected errors '{errors}', got line [{line}]");
        var id = run.Result.Cell(row, "RECORD_ID");
        if (status is "ADDED" or "UPDATED")
        {
            Assert.True(long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0, $"row {row}: RECORD_ID '{id}' is not an id");
        }
        else
        {
            Assert.True(id.Length == 0, $"row {row}: a {status} row has RECORD_ID '{id}'");
        }

        return id;
    }
}
