using System.Text.Json.Nodes;
using BiginBulk.Core.BulkWrite;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// A validated create-bulk-read-job request. <see cref="CriteriaJson"/> keeps the criteria normalised to
/// Bigin's flat shape so job details can echo it and the worker can re-parse it; the typed parts drive the export.
/// </summary>
public sealed record BulkReadJobDefinition
{
    public required long Id { get; init; }

    /// <summary>The module as the client named it (<c>Deals</c> stays <c>Deals</c>).</summary>
    public required string ModuleName { get; init; }

    public required string ModuleApiName { get; init; }

    /// <summary>The requested fields in order, dot fields included; empty means all fields.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>
    /// The request's criteria as written by <see cref="CriteriaJsonWriter"/> (flat shape, canonical names and
    /// values), re-parsed by the worker with <see cref="CriteriaParser"/>; the typed tree is not stored.
    /// A custom view's criteria are not included: the worker combines them with <see cref="CriteriaParser.And"/>.
    /// </summary>
    public JsonNode? CriteriaJson { get; init; }

    public long? CustomViewId { get; init; }

    /// <summary>1-based page: page N exports matching records (N-1)×per_page+1 to N×per_page.</summary>
    public required int Page { get; init; }

    public required BulkReadFileType FileType { get; init; }

    public CallbackTarget? Callback { get; init; }

    /// <summary>
    /// The route family and version the job was created on (<c>bigin/v1</c>, <c>bigin/v2</c>, <c>crm/v8</c>): its
    /// callback takes that family's shape. Null on jobs stored before it was recorded, which were Bigin v2's.
    /// </summary>
    public string? Route { get; init; }

    public required UserRef CreatedBy { get; init; }

    public required DateTimeOffset CreatedTime { get; init; }
}
