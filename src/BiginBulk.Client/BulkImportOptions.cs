namespace BiginBulk.Client;

/// <summary>How <see cref="BiginClient.ImportAsync"/> imports a file.</summary>
/// <param name="Module">The module's API name, e.g. <c>Contacts</c>.</param>
public sealed record BulkImportOptions(string Module)
{
    /// <summary>Insert, update or upsert. Default insert.</summary>
    public BulkWriteOperationType Operation { get; init; } = BulkWriteOperationType.Insert;

    /// <summary>The field that finds existing records; required for update and upsert.</summary>
    public string? FindBy { get; init; }

    /// <summary>Column name → field API name, for columns whose header is not the field's API name. Other columns keep their header as the field.</summary>
    public IReadOnlyDictionary<string, string> ColumnMap { get; init; } = new Dictionary<string, string>();

    /// <summary>A format for every date and datetime column, e.g. <c>dd/MM/yyyy</c> (looked up in the module's fields).</summary>
    public string? DateFormat { get; init; }

    /// <summary>When true, an empty cell keeps the stored value.</summary>
    public bool IgnoreEmpty { get; init; }

    /// <summary>Jobs run at the same time when the file is split. Default 1 (one after another).</summary>
    public int MaxParallelJobs { get; init; } = 1;
}
