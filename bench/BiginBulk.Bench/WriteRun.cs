namespace BiginBulk.Bench;

/// <summary>One bulk write through the API: the phases' durations, the result's status counts, the polls.</summary>
internal sealed record WriteRun(
    TimeSpan Upload,
    TimeSpan CreateToCompleted,
    TimeSpan Download,
    IReadOnlyDictionary<string, int> Statuses,
    LatencyRecorder Polls)
{
    public TimeSpan Total => Upload + CreateToCompleted + Download;
}
