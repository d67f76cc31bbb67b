namespace BiginBulk.Core.Csv;

/// <summary>How <see cref="CsvRowReader"/> opens an uploaded CSV.</summary>
public sealed record CsvReaderOptions
{
    /// <summary>The defaults: detect the encoding, 1 Mi characters per row, dispose the stream.</summary>
    public static CsvReaderOptions Default { get; } = new();

    /// <summary>The job's <c>character_encoding</c>; null to detect it.</summary>
    public string? CharacterEncoding { get; init; }

    /// <summary>
    /// The longest row, in characters, the reader buffers. It bounds memory when a quote is never closed and
    /// the rest of the file would otherwise become one field. A row of 200 columns of Zoho's longest text
    /// fields would be far longer, but no real upload has one; raise it if one does.
    /// </summary>
    public int MaxRowLength { get; init; } = 1024 * 1024;

    /// <summary>Leave the input stream open when the reader is disposed.</summary>
    public bool LeaveOpen { get; init; }
}
