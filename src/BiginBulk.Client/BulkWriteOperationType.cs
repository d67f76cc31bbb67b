namespace BiginBulk.Client;

/// <summary>What a bulk write job does with each row.</summary>
public enum BulkWriteOperationType
{
    /// <summary>Creates records (<c>insert</c>).</summary>
    Insert,

    /// <summary>Updates records found by <c>find_by</c>; never creates (<c>update</c>).</summary>
    Update,

    /// <summary>Updates the record found by <c>find_by</c>, or creates one (<c>upsert</c>).</summary>
    Upsert,
}
