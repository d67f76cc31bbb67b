namespace BiginBulk.Core.Modules;

/// <summary>
/// One field of a module: its API name and the rules a value must obey. Mirrors the keys of Zoho's
/// fields metadata API (<c>api_name</c>, <c>data_type</c>, <c>length</c>, <c>system_mandatory</c>, <c>unique</c>, ...).
/// </summary>
public sealed record FieldDefinition
{
    public required string ApiName { get; init; }

    public required string Label { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>Maximum length in characters for text-like fields; digits for numbers.</summary>
    public int Length { get; init; }

    /// <summary>A value is required when a record is created (Zoho's <c>system_mandatory</c>).</summary>
    public bool Mandatory { get; init; }

    /// <summary>No two records of the module may share a value; enforced by a unique index.</summary>
    public bool Unique { get; init; }

    /// <summary>Set by the system (ids, audit fields, computed names); a bulk write may not map it.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>For <see cref="FieldType.Lookup"/>: the API name of the module the value points at.</summary>
    public string? LookupModule { get; init; }

    /// <summary>Allowed values for picklists and multi-select picklists, in display order.</summary>
    public IReadOnlyList<string> PicklistValues { get; init; } = [];

    /// <summary>Digits after the decimal point for decimal, currency and percent fields.</summary>
    public int DecimalPlaces { get; init; }

    public bool CustomField { get; init; }

    /// <summary>The column that stores this field in the module's record table.</summary>
    public string ColumnName => ApiName;

    public override string ToString() => $"{ApiName} ({Type.ToZohoName()})";
}
