using BiginBulk.Server.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// ASP.NET health checks. <c>GET /healthz</c> (readiness): 200 <c>Healthy</c> once the server has bootstrapped its
/// store and the store answers, 503 <c>Unhealthy</c> when it does not. <c>GET /healthz/live</c> (liveness): 200
/// while the process serves requests, whatever the store does.
/// </summary>
internal static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddBiginBulkHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Ready]);
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
    }
}
