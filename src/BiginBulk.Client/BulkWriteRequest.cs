using System.Text.Json;
using System.Text.Json.Nodes;

namespace BiginBulk.Client;

/// <summary>A bulk write job to create over an uploaded file.</summary>
/// <param name="Module">The module's API name, e.g. <c>Contacts</c>.</param>
/// <param name="FileId">The <c>file_id</c> from <see cref="BiginClient.UploadFileAsync"/>.</param>
public sealed record BulkWriteRequest(string Module, string FileId)
{
    /// <summary>Insert, update or upsert. Default insert.</summary>
    public BulkWriteOperationType Operation { get; init; } = BulkWriteOperationType.Insert;

    /// <summary>The field that finds existing records (<c>Id</c> or a unique field); required for update and upsert.</summary>
    public string? FindBy { get; init; }

    /// <summary>Explicit column mappings; when empty the header row names the fields.</summary>
    public IReadOnlyList<FieldMapping> FieldMappings { get; init; } = [];

    /// <summary>When true, an empty cell keeps the stored value instead of clearing it.</summary>
    public bool IgnoreEmpty { get; init; }

    /// <summary>The CSV's character encoding when it should not be detected, e.g. <c>windows-1252</c>.</summary>
    public string? CharacterEncoding { get; init; }

    /// <summary>A URL the job's details are POSTed to when it finishes.</summary>
    public Uri? CallbackUrl { get; init; }

    internal JsonObject ToJson()
    {
        // Only keys that are set go on the wire, as Zoho's SDKs send them.
        var resource = new JsonObject { ["type"] = "data", ["module"] = new JsonObject { ["api_name"] = Module }, ["file_id"] = FileId };
        if (FindBy is not null)
        {
            resource["find_by"] = FindBy;
        }

        if (FieldMappings.Count > 0)
        {
            resource["field_mappings"] = JsonSerializer.SerializeToNode(FieldMappings, BiginJson.Options);
        }

        var json = new JsonObject { ["operation"] = Operation.ToString().ToLowerInvariant() };
        if (CharacterEncoding is not null)
        {
            json["character_encoding"] = CharacterEncoding;
        }

        if (IgnoreEmpty)
        {
            json["ignore_empty"] = true;
        }

        if (CallbackUrl is not null)
        {
            json["callback"] = new JsonObject { ["url"] = CallbackUrl.ToString(), ["method"] = "post" };
        }

        json["resource"] = new JsonArray(resource);
        return json;
    }
}
