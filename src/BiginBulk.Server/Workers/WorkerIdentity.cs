using System.Globalization;
using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Workers;

/// <summary>
/// Who this process is when it holds a lease: <c>{node id}:{random}</c>. The node part lets a restarted node
/// recognise (and release) the leases its crashed predecessor left behind; the random part tells two runs apart.
/// </summary>
internal sealed class WorkerIdentity(IOptions<BiginBulkOptions> options)
{
    public string NodePrefix { get; } = options.Value.NodeId.ToString(CultureInfo.InvariantCulture) + ":";

    public string Owner => NodePrefix + _run;

    private readonly string _run = Guid.NewGuid().ToString("N");
}
