using System.Net;

namespace BiginBulk.Server.Callbacks;

/// <summary>
/// One row of an IANA address registry: a prefix, its name, the RFC that assigns it, and the registry's
/// "Globally Reachable" column (false where the registry says False or N/A, or names no such column).
/// </summary>
internal sealed record SpecialPurposeRange(IPNetwork Network, string Name, string Reference, bool GloballyReachable)
{
    public static SpecialPurposeRange Refused(string prefix, string name, string reference) =>
        new(IPNetwork.Parse(prefix), name, reference, GloballyReachable: false);

    public static SpecialPurposeRange Reachable(string prefix, string name, string reference) =>
        new(IPNetwork.Parse(prefix), name, reference, GloballyReachable: true);
}
