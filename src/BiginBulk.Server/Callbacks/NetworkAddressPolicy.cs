using System.Net;
using System.Net.Sockets;

namespace BiginBulk.Server.Callbacks;

/// <summary>
/// Which addresses a callback may reach: global unicast only, as IANA's special-purpose registries define it
/// (<see cref="SpecialPurposeAddresses"/>), so a client cannot use our callbacks to probe the operator's network
/// (loopback, private ranges, link-local with the cloud metadata service at 169.254.169.254, …). IPv6 forms that
/// carry an IPv4 address (mapped, NAT64's 64:ff9b::/96, 6to4) are judged by that IPv4 address too: on a host
/// with NAT64 or a 6to4 relay they reach it.
/// </summary>
internal static class NetworkAddressPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        if (SpecialPurposeAddresses.Find(address) is { GloballyReachable: false })
        {
            return false;
        }

        return EmbeddedIPv4(address) is not { } embedded || IsPublic(embedded);
    }

    /// <summary>The IPv4 address inside 64:ff9b::a.b.c.d (RFC 6052) and 2002:AABB:CCDD::/48 (RFC 3056).</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        var b = address.GetAddressBytes();
        var span = b.AsSpan();
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && span[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(span[12..]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(span[2..6]);
        }

        return null;
    }
}
