namespace BiginBulk.Client;

/// <summary>A bulk write job's state as the last poll saw it.</summary>
public sealed record BulkWriteJobStatus
{
    /// <summary>The job id.</summary>
    public required string Id { get; init; }

    /// <summary><c>ADDED</c>, <c>IN PROGRESS</c>, <c>COMPLETED</c> or <c>FAILED</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The operation: insert, update or upsert.</summary>
    public string? Operation { get; init; }

    /// <summary>The module's API name.</summary>
    public string? Module { get; init; }

    /// <summary>Rows added so far.</summary>
    public int AddedCount { get; init; }

    /// <summary>Rows updated so far.</summary>
    public int UpdatedCount { get; init; }

    /// <summary>Rows skipped so far.</summary>
    public int SkippedCount { get; init; }

    /// <summary>Rows processed so far.</summary>
    public int TotalCount { get; init; }

    /// <summary>Where the result zip is, once the job has completed.</summary>
    public Uri? DownloadUrl { get; init; }

    /// <summary>True once the job is completed or failed.</summary>
    public bool HasCompleted => Status is "COMPLETED" or "FAILED";
}
