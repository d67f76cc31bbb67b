namespace BiginBulk.Client;

/// <summary>A bulk read job's state as the last poll saw it.</summary>
public sealed record BulkReadJobStatus
{
    /// <summary>The job id.</summary>
    public required string Id { get; init; }

    /// <summary><c>ADDED</c>, <c>IN PROGRESS</c>, <c>COMPLETED</c> or <c>FAILURE</c>.</summary>
    public required string State { get; init; }

    /// <summary>The page this job exports.</summary>
    public int Page { get; init; }

    /// <summary>Records in this page, once completed.</summary>
    public int Count { get; init; }

    /// <summary>True when a later page holds more records.</summary>
    public bool MoreRecords { get; init; }

    /// <summary><c>csv</c> or <c>ics</c>.</summary>
    public string FileType { get; init; } = "csv";

    /// <summary>The error code of a failed job.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error message of a failed job.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>True once the job is completed or failed.</summary>
    public bool HasCompleted => State is "COMPLETED" or "FAILURE";
}
