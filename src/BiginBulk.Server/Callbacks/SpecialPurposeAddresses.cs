using System.Net;
using System.Net.Sockets;

namespace BiginBulk.Server.Callbacks;

/// <summary>
/// The IANA IPv4 and IPv6 Special-Purpose Address Registries
/// (https://www.iana.org/assignments/iana-ipv4-special-registry/,
/// https://www.iana.org/assignments/iana-ipv6-special-registry/), as of 2025, plus the rows of the IPv4
/// and IPv6 address-space registries that are not unicast. The most specific row that holds an address
/// decides: 192.0.0.9/32 is reachable inside the refused 192.0.0.0/24, as the registry says.
/// Where the registry's Globally Reachable column says N/A (Teredo, 6to4, the deprecated 6to4 relay
/// anycast) we refuse, except 6to4, whose embedded IPv4 address <see cref="NetworkAddressPolicy"/> judges.
/// </summary>
internal static class SpecialPurposeAddresses
{
    public static IReadOnlyList<SpecialPurposeRange> IPv4 { get; } =
    [
        SpecialPurposeRange.Refused("0.0.0.0/8", "\"This network\"", "RFC 791"),
        SpecialPurposeRange.Refused("10.0.0.0/8", "Private-Use", "RFC 1918"),
        SpecialPurposeRange.Refused("100.64.0.0/10", "Shared Address Space", "RFC 6598"),
        SpecialPurposeRange.Refused("127.0.0.0/8", "Loopback", "RFC 1122"),
        SpecialPurposeRange.Refused("169.254.0.0/16", "Link Local", "RFC 3927"),
        SpecialPurposeRange.Refused("172.16.0.0/12", "Private-Use", "RFC 1918"),
        SpecialPurposeRange.Refused("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890"),
        SpecialPurposeRange.Refused("192.0.0.0/29", "IPv4 Service Continuity Prefix", "RFC 7335"),
        SpecialPurposeRange.Refused("192.0.0.8/32", "IPv4 dummy address", "RFC 7600"),
        SpecialPurposeRange.Reachable("192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723"),
        SpecialPurposeRange.Reachable("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "RFC 8155"),
        SpecialPurposeRange.Refused("192.0.0.170/32", "NAT64/DNS64 Discovery", "RFC 7050"),
        SpecialPurposeRange.Refused("192.0.0.171/32", "NAT64/DNS64 Discovery", "RFC 7050"),
        SpecialPurposeRange.Refused("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737"),
        SpecialPurposeRange.Reachable("192.31.196.0/24", "AS112-v4", "RFC 7535"),
        SpecialPurposeRange.Reachable("192.52.193.0/24", "AMT", "RFC 7450"),
        SpecialPurposeRange.Refused("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526"),
        SpecialPurposeRange.Refused("192.168.0.0/16", "Private-Use", "RFC 1918"),
        SpecialPurposeRange.Reachable("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534"),
        SpecialPurposeRange.Refused("198.18.0.0/15", "Benchmarking", "RFC 2544"),
        SpecialPurposeRange.Refused("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737"),
        SpecialPurposeRange.Refused("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737"),
        // Not in the special-purpose registry but not unicast (IANA IPv4 Address Space: 224/4 multicast).
        SpecialPurposeRange.Refused("224.0.0.0/4", "Multicast", "RFC 5771"),
        SpecialPurposeRange.Refused("240.0.0.0/4", "Reserved", "RFC 1112"),
        SpecialPurposeRange.Refused("255.255.255.255/32", "Limited Broadcast", "RFC 919"),
    ];

    public static IReadOnlyList<SpecialPurposeRange> IPv6 { get; } =
    [
        // IANA IPv6 Address Space: only 2000::/3 is allocated as Global Unicast; the rest is reserved,
        // multicast (ff00::/8), link-local or unique-local. The rows below carve out of it.
        SpecialPurposeRange.Refused("::/0", "Not Global Unicast (IANA IPv6 Address Space)", "RFC 4291"),
        SpecialPurposeRange.Reachable("2000::/3", "Global Unicast", "RFC 4291"),
        SpecialPurposeRange.Refused("::1/128", "Loopback Address", "RFC 4291"),
        SpecialPurposeRange.Refused("::/128", "Unspecified Address", "RFC 4291"),
        SpecialPurposeRange.Refused("::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291"),
        // Judged by the IPv4 address it translates to (NetworkAddressPolicy), as the registry marks it reachable.
        SpecialPurposeRange.Reachable("64:ff9b::/96", "IPv4-IPv6 Translat.", "RFC 6052"),
        SpecialPurposeRange.Refused("64:ff9b:1::/48", "IPv4-IPv6 Translat. (local use)", "RFC 8215"),
        SpecialPurposeRange.Refused("100::/64", "Discard-Only Address Block", "RFC 6666"),
        SpecialPurposeRange.Refused("100:0:0:1::/64", "Dummy IPv6 Prefix", "RFC 9780"),
        SpecialPurposeRange.Refused("2001::/23", "IETF Protocol Assignments", "RFC 2928"),
        SpecialPurposeRange.Refused("2001::/32", "TEREDO", "RFC 4380"),
        SpecialPurposeRange.Reachable("2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723"),
        SpecialPurposeRange.Reachable("2001:1::2/128", "Traversal Using Relays around NAT Anycast", "RFC 8155"),
        SpecialPurposeRange.Reachable("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast", "RFC 9665"),
        SpecialPurposeRange.Refused("2001:2::/48", "Benchmarking", "RFC 5180"),
        SpecialPurposeRange.Reachable("2001:3::/32", "AMT", "RFC 7450"),
        SpecialPurposeRange.Reachable("2001:4:112::/48", "AS112-v6", "RFC 7535"),
        SpecialPurposeRange.Refused("2001:10::/28", "Deprecated (previously ORCHID)", "RFC 4843"),
        SpecialPurposeRange.Reachable("2001:20::/28", "ORCHIDv2", "RFC 7343"),
        SpecialPurposeRange.Reachable("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "RFC 9374"),
        SpecialPurposeRange.Refused("2001:db8::/32", "Documentation", "RFC 3849"),
        // 6to4's column says N/A; NetworkAddressPolicy judges it by the IPv4 address it carries.
        SpecialPurposeRange.Reachable("2002::/16", "6to4", "RFC 3056"),
        SpecialPurposeRange.Reachable("2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534"),
        SpecialPurposeRange.Refused("3fff::/20", "Documentation", "RFC 9637"),
        SpecialPurposeRange.Refused("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602"),
        SpecialPurposeRange.Refused("fc00::/7", "Unique-Local", "RFC 4193"),
        SpecialPurposeRange.Refused("fe80::/10", "Link-Local Unicast", "RFC 4291"),
        SpecialPurposeRange.Refused("ff00::/8", "Multicast", "RFC 4291"),
    ];

    /// <summary>The most specific row holding <paramref name="address"/>, or null (an IPv4 address in no row is global unicast).</summary>
    public static SpecialPurposeRange? Find(IPAddress address)
    {
        var table = address.AddressFamily == AddressFamily.InterNetworkV6 ? IPv6 : IPv4;
        SpecialPurposeRange? best = null;
        foreach (var range in table)
        {
            if (range.Network.Contains(address) && (best is null || range.Network.PrefixLength > best.Network.PrefixLength))
            {
                best = range;
            }
        }

        return best;
    }
}
