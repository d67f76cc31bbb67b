namespace BiginBulk.Server.Options;

/// <summary><c>BiginBulk:Worker</c>.</summary>
internal sealed class WorkerOptions
{
    /// <summary>How often an idle worker looks for jobs; a new job also wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Turn the worker off on this node (API only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a worker's claim on a job lasts without renewal; another node takes the job over
    /// after it expires. Every committed chunk renews it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);
}
