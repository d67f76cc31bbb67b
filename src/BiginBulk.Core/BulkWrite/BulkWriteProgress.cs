namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// How far a bulk write job has got. Written in the same transaction as each chunk of records, so after
/// a crash <see cref="CheckpointRow"/> says exactly which input rows are done.
/// </summary>
public sealed record BulkWriteProgress
{
    public string Status { get; init; } = BulkWriteStatus.Added;

    /// <summary>The encoding actually used to read the file (detected or requested).</summary>
    public string? CharacterEncoding { get; init; }

    /// <summary>The last input data row (1-based) whose outcome is committed.</summary>
    public long CheckpointRow { get; init; }

    public int AddedCount { get; init; }

    public int UpdatedCount { get; init; }

    public int SkippedCount { get; init; }

    public int TotalCount => AddedCount + UpdatedCount + SkippedCount;

    /// <summary>Why the job failed, for a job-level failure; for a completed job, why reading the file stopped
    /// before its end (the rows from the one named on were not read). Null when neither happened.</summary>
    public string? FailureMessage { get; init; }

    public DateTimeOffset? CompletedTime { get; init; }
}
