namespace BiginBulk.Core.BulkRead;

/// <summary>A read job's <c>state</c>, as Zoho spells it (note the space in <c>IN PROGRESS</c>).</summary>
public static class BulkReadState
{
    public const string Added = "ADDED";
    public const string Queued = "QUEUED";
    public const string InProgress = "IN PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failure = "FAILURE";

    public static bool IsFinished(string state) => state is Completed or Failure;
}
