namespace BiginBulk.Core.BulkWrite;

/// <summary>The <c>operation</c> of a bulk write job; wire spellings are lower-case.</summary>
public enum BulkWriteOperation
{
    Insert,
    Update,
    Upsert,
}
