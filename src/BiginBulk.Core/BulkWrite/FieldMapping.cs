namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// One entry of <c>field_mappings</c>: which CSV column (<see cref="Index"/>) fills which field, or a
/// <see cref="DefaultValue"/> for empty cells. For a lookup, <see cref="FindBy"/> names the field of the
/// looked-up module that the cell matches (<c>id</c> when absent); for Owner, <c>id</c> or <c>email</c>.
/// </summary>
public sealed record FieldMapping
{
    public required string ApiName { get; init; }

    public int? Index { get; init; }

    /// <summary>A date/datetime pattern in Zoho's (Java-style) notation, e.g. <c>yyyy/MM/dd</c>.</summary>
    public string? Format { get; init; }

    public string? FindBy { get; init; }

    public string? DefaultValue { get; init; }
}
