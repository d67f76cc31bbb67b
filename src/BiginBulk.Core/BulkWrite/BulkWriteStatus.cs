namespace BiginBulk.Core.BulkWrite;

/// <summary>Job, resource and file status of a bulk write job, as Zoho spells them (note the space in <c>IN PROGRESS</c>).</summary>
public static class BulkWriteStatus
{
    public const string Added = "ADDED";
    public const string InProgress = "IN PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";

    public static bool IsFinished(string status) => status is Completed or Failed;
}
