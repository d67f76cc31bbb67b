using System.Net;
using System.Net.Sockets;
using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Callbacks;

/// <summary>
/// Checks a callback URL when a job is created. An address literal or a name that resolves to a
/// non-public address is refused (Zoho answers <c>INVALID_CALLBACK_URL</c>, "possible ssrf attempt").
/// A name that does not resolve now is accepted: DNS can change before the job ends, so the address is
/// checked again at delivery, which is the check that counts.
/// </summary>
internal sealed class CallbackUrlGuard(IOptions<BiginBulkOptions> options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(2);

    public bool AllowsPrivateNetworks => options.Value.Callbacks.AllowPrivateNetworks;

    public async Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "credentials in the callback url are not allowed";
        }

        if (AllowsPrivateNetworks)
        {
            return null;
        }

        // "localhost." is the same name as "localhost" (a fully qualified name with its root dot).
        var host = url.IdnHost.TrimEnd('.');
        if (host.Length == 0)
        {
            return "the callback url has no host";
        }

        if (IPAddress.TryParse(host, out var literal))
        {
            return NetworkAddressPolicy.IsPublic(literal) ? null : "possible ssrf attempt";
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase))
        {
            return "possible ssrf attempt";
        }

        var addresses = await TryResolveAsync(host, cancellationToken);
        return addresses.Length > 0 && !addresses.All(NetworkAddressPolicy.IsPublic) ? "possible ssrf attempt" : null;
    }

    /// <summary>The addresses a callback to <paramref name="url"/> may connect to now (empty when none).</summary>
    public async Task<IPAddress[]> AllowedAddressesAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await TryResolveAsync(url.IdnHost, cancellationToken);
        return AllowsPrivateNetworks ? addresses : [.. addresses.Where(NetworkAddressPolicy.IsPublic)];
    }

    private static async Task<IPAddress[]> TryResolveAsync(string host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            return await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ArgumentException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return [];
        }
    }
}
