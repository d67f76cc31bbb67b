namespace BiginBulk.Client;

/// <summary>The export's file format.</summary>
public enum BulkReadFileType
{
    /// <summary>CSV: the requested fields, then <c>Id</c>.</summary>
    Csv,

    /// <summary>An RFC 5545 calendar (Events only).</summary>
    Ics,
}
