using System.Text.Json.Serialization;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// What happened to one row of a bulk write file: the STATUS column of the result file. Zoho's legacy
/// SDK counts <see cref="Added"/> and <see cref="Updated"/> as success and anything else as a failed row.
/// Wire spellings (<c>ADDED</c>, ...) come from <see cref="RowOutcome.ToWireName"/> and, for JSON,
/// from the attributes below.
/// </summary>
public enum RowStatus
{
    /// <summary>A new record was created.</summary>
    [JsonStringEnumMemberName("ADDED")]
    Added,

    /// <summary>An existing record was updated.</summary>
    [JsonStringEnumMemberName("UPDATED")]
    Updated,

    /// <summary>The row was rejected (bad value, duplicate, missing mandatory field...); see its errors.</summary>
    [JsonStringEnumMemberName("SKIPPED")]
    Skipped,

    /// <summary>The row was never attempted, e.g. the job stopped before reaching it.</summary>
    [JsonStringEnumMemberName("UNPROCESSED")]
    Unprocessed,
}
