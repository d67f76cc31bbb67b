namespace BiginBulk.Client;

/// <summary>How one job of an import is doing.</summary>
/// <param name="Part">The 0-based part of the file this job imports.</param>
/// <param name="Parts">How many parts the file was split into.</param>
/// <param name="Rows">Rows in this part.</param>
/// <param name="Status">The job's last polled state, or null while the part waits to be uploaded.</param>
public sealed record BulkImportProgress(int Part, int Parts, long Rows, BulkWriteJobStatus? Status);
