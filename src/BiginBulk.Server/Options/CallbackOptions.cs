namespace BiginBulk.Server.Options;

/// <summary><c>BiginBulk:Callbacks</c>.</summary>
public sealed class CallbackOptions
{
    /// <summary>Allow callback URLs on loopback and private networks. Off by default: a callback is a
    /// request our server makes on a client's behalf, and must not reach into the operator's network.</summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
