namespace BiginBulk.Server.Endpoints;

/// <summary><c>GET /healthz</c>: 200 once the server has bootstrapped its store and is taking requests.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain"));
}
