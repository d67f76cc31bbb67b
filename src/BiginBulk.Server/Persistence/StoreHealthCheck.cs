using BiginBulk.Storage.Auth;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BiginBulk.Server.Persistence;

/// <summary>
/// Readiness: the system store answers a query (a primary-key lookup of an org that cannot exist, so it costs
/// one round trip). A node whose database is down answers 503 on <c>/healthz</c> and leaves the load balancer's
/// pool, while <c>/healthz/live</c> stays 200 so the orchestrator does not restart it for someone else's outage.
/// </summary>
internal sealed class StoreHealthCheck(IOrgDirectory store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetOrgAsync(0, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", ex);
        }
    }
}
