using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Callbacks;

/// <summary>
/// A job's callback as its owner sees it: <c>pending</c> (waiting for its next attempt), <c>delivered</c> or
/// <c>failed</c> (every attempt used up), with each attempt.
/// </summary>
public sealed record CallbackStatus(long JobId, JobKind Kind, string Url, string State, DateTimeOffset? NextAttemptTime, IReadOnlyList<CallbackAttempt> Attempts)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
