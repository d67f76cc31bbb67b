using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Auth;

/// <summary>
/// Counts failed authentications (an unknown, expired or missing access token; a wrong client secret; a bad
/// refresh token or grant code) per source address and per client id, in sliding windows
/// (<see cref="PartitionedRateLimiter"/>, which also reclaims the limiters of quiet partitions). Only failures
/// are counted, and only after the credentials were checked: a request that authenticates is never slowed or
/// refused, even from an address or for a client id that is being hammered, so an attacker who knows a client
/// id (or shares a NAT) cannot lock its owner out. Tokens and secrets are 128-bit random, so the throttle is
/// not what stops guessing; it sheds floods of bad credentials and makes them visible as 429s.
/// </summary>
internal sealed class AuthFailureThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _addresses;
    private readonly PartitionedRateLimiter<string> _clients;
    private readonly TimeSpan _segment;

    public AuthFailureThrottle(IOptions<BiginBulkOptions> options)
    {
        var settings = options.Value.AuthThrottling;
        // Six segments: a burst of failures is forgotten a sixth of a window at a time, not all at once.
        const int segments = 6;
        _segment = settings.Window / segments;
        _addresses = Limiter(settings.FailuresPerAddress, settings.Window, segments);
        _clients = Limiter(settings.FailuresPerClient, settings.Window, segments);
    }

    /// <summary>Records one failed authentication. Null while under both limits; past either, how long to wait.</summary>
    public TimeSpan? Fail(IPAddress? address, string? clientId)
    {
        using (var byAddress = _addresses.AttemptAcquire(AddressKey(address)))
        {
            if (!byAddress.IsAcquired)
            {
                return RetryAfter(byAddress);
            }
        }

        if (string.IsNullOrEmpty(clientId))
        {
            return null;
        }

        using var byClient = _clients.AttemptAcquire(clientId);
        return byClient.IsAcquired ? null : RetryAfter(byClient);
    }

    /// <summary>The value of a <c>Retry-After</c> header: whole seconds, at least one.</summary>
    public static string Header(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _addresses.Dispose();
        _clients.Dispose();
    }

    private TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : _segment;

    /// <summary>IPv6 clients get a /64 each from their provider, so one partition per /64, not per address.</summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "-";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window, int segments) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = segments,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
