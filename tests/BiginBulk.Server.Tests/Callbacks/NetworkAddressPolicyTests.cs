using System.Net;
using BiginBulk.Server.Callbacks;

namespace BiginBulk.Server.Tests.Callbacks;

/// <summary>
/// The callback guard's address table against IANA's IPv4 and IPv6 special-purpose registries: every row
/// that is not globally reachable is refused, the reachable exceptions inside refused blocks are allowed,
/// and addresses that carry an IPv4 address are judged by it.
/// </summary>
public sealed class NetworkAddressPolicyTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.0.0.1")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.0.170")]
    [InlineData("192.0.0.171")]
    [InlineData("192.0.0.255")]
    [InlineData("192.0.2.10")]
    [InlineData("192.88.99.1")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.254")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.10")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.254")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::127.0.0.1")]
    [InlineData("::8.8.8.8")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b:1::808:808")]
    [InlineData("100::1")]
    [InlineData("100:0:0:1::1")]
    [InlineData("2001::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("2001:1::4")]
    [InlineData("2001:2::1")]
    [InlineData("2001:10::1")]
    [InlineData("2001:1ff::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8:ffff::1")]
    [InlineData("2002:7f00:1::")]
    [InlineData("2002:c0a8:101::1")]
    [InlineData("3fff::1")]
    [InlineData("5f00::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("4000::1")]
    [InlineData("1::1")]
    public void An_address_that_is_not_global_unicast_is_refused(string address)
    {
        Assert.False(NetworkAddressPolicy.IsPublic(IPAddress.Parse(address)), address);
    }

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.215.14")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.0.0.9")]
    [InlineData("192.0.0.10")]
    [InlineData("192.0.1.1")]
    [InlineData("192.31.196.1")]
    [InlineData("192.52.193.1")]
    [InlineData("192.175.48.1")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("223.255.255.254")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2001:1::1")]
    [InlineData("2001:1::2")]
    [InlineData("2001:1::3")]
    [InlineData("2001:3::1")]
    [InlineData("2001:4:112::1")]
    [InlineData("2001:20::1")]
    [InlineData("2001:30::1")]
    [InlineData("2001:200::1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2002:808:808::1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2620:4f:8000::1")]
    [InlineData("3ffe:ffff::1")]
    public void A_global_unicast_address_is_allowed(string address)
    {
        Assert.True(NetworkAddressPolicy.IsPublic(IPAddress.Parse(address)), address);
    }

    [Fact]
    public void Every_registry_row_decides_for_the_addresses_it_holds()
    {
        foreach (var range in SpecialPurposeAddresses.IPv4.Concat(SpecialPurposeAddresses.IPv6))
        {
            var first = range.Network.BaseAddress;
            var found = SpecialPurposeAddresses.Find(first);
            Assert.True(found is not null, $"{range.Network} holds {first}");
            // A row's first address is decided by that row or by a more specific one inside it.
            Assert.True(found!.Network.PrefixLength >= range.Network.PrefixLength, $"{range.Network}: {found.Network}");
            if (found == range && range.Name != "6to4" && range.Name != "IPv4-IPv6 Translat.")
            {
                Assert.Equal(range.GloballyReachable, NetworkAddressPolicy.IsPublic(first));
            }
        }
    }

    [Fact]
    public void The_registry_rows_do_not_repeat_a_prefix()
    {
        var prefixes = SpecialPurposeAddresses.IPv4.Concat(SpecialPurposeAddresses.IPv6).Select(r => r.Network).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct().Count());
    }
}
