namespace BiginBulk.Server.Options;

/// <summary><c>BiginBulk:Callbacks</c>.</summary>
internal sealed class CallbackOptions
{
    /// <summary>Allow callback URLs on loopback and private networks. Off by default: a callback is a
    /// request our server makes on a client's behalf, and must not reach into the operator's network.</summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries tried per callback before it is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second attempt; each later wait is three times the one before (capped at an hour).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the delivery worker looks for callbacks that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after <paramref name="attempt"/> failed attempts.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var delay = RetryBaseDelay * Math.Pow(3, Math.Max(0, attempt - 1));
        return delay > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : delay;
    }
}
