namespace BiginBulk.Core.BulkWrite;

/// <summary>The job's <c>callback</c>: where the job details are POSTed when it finishes.</summary>
public sealed record CallbackTarget(string Url, string Method);
