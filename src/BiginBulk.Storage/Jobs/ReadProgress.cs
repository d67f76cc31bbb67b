using BiginBulk.Core.BulkRead;

namespace BiginBulk.Storage.Jobs;

/// <summary>Where a bulk read job stands, and what its result holds once COMPLETED.</summary>
public sealed record ReadProgress
{
    public string State { get; init; } = BulkReadState.Added;

    /// <summary>Records in the exported page.</summary>
    public int Count { get; init; }

    /// <summary>Records past this page match too: the client should ask for the next page.</summary>
    public bool MoreRecords { get; init; }

    public int PerPage { get; init; }

    /// <summary>For a FAILURE: Zoho's <c>error_message</c> code and message.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public DateTimeOffset? CompletedTime { get; init; }
}
