using System.Text.Json.Serialization;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// What a client asked for when it created a bulk write job, validated and normalised. It never changes
/// after creation; progress lives in <see cref="BulkWriteProgress"/>.
/// </summary>
public sealed record BulkWriteJobDefinition
{
    public required long Id { get; init; }

    public required BulkWriteOperation Operation { get; init; }

    /// <summary>The module as the client named it (<c>Deals</c> or <c>Pipelines</c>), echoed in job details.</summary>
    public required string ModuleName { get; init; }

    /// <summary>The canonical module API name the records are written to.</summary>
    public required string ModuleApiName { get; init; }

    public required long FileId { get; init; }

    /// <summary>The uploaded CSV's file name, e.g. <c>Contacts.csv</c>.</summary>
    public required string FileName { get; init; }

    public string? FindBy { get; init; }

    public bool IgnoreEmpty { get; init; }

    /// <summary>The mappings given, or derived from the CSV header when the request had none.</summary>
    public required IReadOnlyList<FieldMapping> Mappings { get; init; }

    /// <summary>The CSV header row, as read when the job was created.</summary>
    public required IReadOnlyList<string> Headers { get; init; }

    public CallbackTarget? Callback { get; init; }

    /// <summary>
    /// The route family and version the job was created on (<c>bigin/v1</c>, <c>bigin/v2</c>, <c>crm/v8</c>): its
    /// callback takes that family's shape. Null on jobs stored before it was recorded, which were Bigin v2's.
    /// </summary>
    public string? Route { get; init; }

    /// <summary>The <c>character_encoding</c> the client gave; null means auto-detect.</summary>
    public string? RequestedEncoding { get; init; }

    public required UserRef CreatedBy { get; init; }

    public required DateTimeOffset CreatedTime { get; init; }

    /// <summary>The CSV columns the result file echoes: the first three mapped columns.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> EchoColumnIndexes => [.. Mappings.Where(m => m.Index is not null).Select(m => m.Index!.Value).Take(3)];

    /// <summary>The result file's name inside the zip: <c>{Module}-{file name}.csv</c> (Zoho's "modulename-filename").</summary>
    [JsonIgnore]
    public string ResultFileName => $"{ModuleName}-{Path.GetFileNameWithoutExtension(FileName)}.csv";
}
