namespace BiginBulk.Storage.Records;

/// <summary>A page of records read back: each record maps field API names to typed values.</summary>
public sealed record RecordPage(IReadOnlyList<IReadOnlyDictionary<string, object?>> Records, bool MoreRecords);
