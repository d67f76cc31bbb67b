namespace BiginBulk.Core.Csv;

/// <summary>
/// Why a CSV's header is refused at job creation. The API layer maps these to Zoho codes; the natural
/// choices are <c>HEADER_LIMIT_EXCEEDED</c> for <see cref="TooManyColumns"/> and <see cref="TooLong"/> and <c>FILE_NOT_SUPPORTED</c>
/// (or <c>INVALID_DATA</c> on <c>character_encoding</c>) for the rest.
/// </summary>
public enum CsvHeaderProblem
{
    /// <summary>The job's <c>character_encoding</c> names no encoding this server knows.</summary>
    UnknownEncoding,

    /// <summary>The file holds no bytes, or only blank lines.</summary>
    EmptyFile,

    /// <summary>The first row has no column names (only delimiters), or is not valid CSV.</summary>
    NoHeader,

    /// <summary>Two columns have the same name.</summary>
    DuplicateColumn,

    /// <summary>More columns than the limit (200 at Zoho).</summary>
    TooManyColumns,

    /// <summary>The header row is longer than the reader's row limit: far too many columns to count.</summary>
    TooLong,
}
