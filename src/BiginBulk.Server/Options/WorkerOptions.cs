namespace BiginBulk.Server.Options;

/// <summary><c>BiginBulk:Worker</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>How often an idle worker looks for jobs; a new job also wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Turn the worker off on this node (API only).</summary>
    public bool Enabled { get; set; } = true;
}
