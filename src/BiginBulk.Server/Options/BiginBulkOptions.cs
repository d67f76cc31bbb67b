namespace BiginBulk.Server.Options;

/// <summary>The <c>BiginBulk</c> configuration section (env <c>BiginBulk__*</c>).</summary>
internal sealed class BiginBulkOptions
{
    public const string Section = "BiginBulk";

    /// <summary>Where the SQLite files, uploaded files and <c>bootstrap.json</c> live. Relative paths are
    /// resolved against the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The base of absolute URLs we hand out (a write job's <c>download_url</c>). When empty, the
    /// scheme and host of the request are used.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>This node's number (0–1023), part of every id it makes; distinct per node of a cluster.</summary>
    public int NodeId { get; set; }

    public LimitsOptions Limits { get; set; } = new();

    public CallbackOptions Callbacks { get; set; } = new();

    public CreditOptions Credits { get; set; } = new();

    public WorkerOptions Worker { get; set; } = new();

    public AuthThrottlingOptions AuthThrottling { get; set; } = new();
}
