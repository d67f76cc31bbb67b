namespace BiginBulk.Core.BulkRead;

/// <summary>The export format: CSV (the default) or ICS (Events only).</summary>
public enum BulkReadFileType
{
    Csv,
    Ics,
}
