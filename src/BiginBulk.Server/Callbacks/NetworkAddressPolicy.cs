using System.Net;
using System.Net.Sockets;

namespace BiginBulk.Server.Callbacks;

/// <summary>
/// Which addresses a callback may reach: public unicast only. Loopback, private, link-local (which holds
/// the cloud metadata service at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges are
/// refused, so a client cannot use our callbacks to probe the operator's network. IPv6 forms that carry an
/// IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address: on a host with NAT64 or
/// a 6to4 relay they reach it.
/// </summary>
public static class NetworkAddressPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        if (EmbeddedIPv4(address) is { } embedded)
        {
            address = embedded;
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0
                || b[0] == 10
                || b[0] == 127
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || b[0] >= 224);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None)
                || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC);
        }

        return false;
    }

    /// <summary>The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 64:ff9b:1::/48 and 2002:AABB:CCDD::.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        var span = b.AsSpan();
        // IPv4-compatible (deprecated, RFC 4291 §2.5.5.1): 96 zero bits. :: and ::1 are judged as IPv6.
        if (span[..12].IndexOfAnyExcept((byte)0) < 0 && (span[12..15].IndexOfAnyExcept((byte)0) >= 0 || b[15] > 1))
        {
            return new IPAddress(span[12..]);
        }

        // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052) and local-use 64:ff9b:1::/48 (RFC 8215).
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b
            && (span[4..12].IndexOfAnyExcept((byte)0) < 0 || (b[4] == 0x00 && b[5] == 0x01)))
        {
            return new IPAddress(span[12..]);
        }

        // 6to4 (RFC 3056): 2002:AABB:CCDD::/48 carries AA.BB.CC.DD.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(span[2..6]);
        }

        return null;
    }
}
