namespace BiginBulk.Server.Options;

/// <summary>
/// <c>BiginBulk:AuthThrottling</c>: failed authentications (unknown or expired tokens, wrong client secrets,
/// bad grant codes) allowed per client id and per source address in a sliding window. Past them, further
/// attempts from that client or address get 429 with <c>Retry-After</c> until the window slides on; requests
/// that authenticate are never counted or slowed.
/// </summary>
internal sealed class AuthThrottlingOptions
{
    public int FailuresPerClient { get; set; } = 20;

    public int FailuresPerAddress { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
