using System.Text.Json.Serialization;

namespace BiginBulk.Client;

/// <summary>Maps a CSV column (by zero-based index) to a field, as a job's <c>field_mappings</c> entry.</summary>
/// <param name="ApiName">The field's API name, e.g. <c>Last_Name</c>.</param>
/// <param name="Index">The zero-based column index in the CSV, or null for a field filled only by <see cref="DefaultValue"/>.</param>
public sealed record FieldMapping(
    [property: JsonPropertyName("api_name")] string ApiName,
    [property: JsonPropertyName("index")] int? Index)
{
    /// <summary>A date or datetime format for the column, e.g. <c>dd/MM/yyyy</c>.</summary>
    [JsonPropertyName("format")]
    public string? Format { get; init; }

    /// <summary>For a lookup: the field of the looked-up module the cell holds.</summary>
    [JsonPropertyName("find_by")]
    public string? FindBy { get; init; }

    /// <summary>The value used for empty cells, sent as <c>default_value.value</c>.</summary>
    [JsonIgnore]
    public string? DefaultValue { get; init; }

    [JsonPropertyName("default_value")]
    [JsonInclude]
    internal DefaultValueJson? DefaultValueObject => DefaultValue is null ? null : new DefaultValueJson(DefaultValue);

    internal sealed record DefaultValueJson([property: JsonPropertyName("value")] string Value);
}
