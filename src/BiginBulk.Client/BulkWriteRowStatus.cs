namespace BiginBulk.Client;

/// <summary>What happened to one row of a bulk write.</summary>
public enum BulkWriteRowStatus
{
    /// <summary>A record was created (<c>ADDED</c>).</summary>
    Added,

    /// <summary>A record was updated (<c>UPDATED</c>).</summary>
    Updated,

    /// <summary>The row was not applied (<c>SKIPPED</c>); its errors say why.</summary>
    Skipped,
}
