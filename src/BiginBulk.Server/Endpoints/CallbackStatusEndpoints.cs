using System.Text.Json.Nodes;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Storage;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// Ours: <c>GET /biginbulk/v1/jobs/{job_id}/callback</c> shows a job's callback (pending, delivered or failed)
/// and every delivery attempt, so its owner can see why a callback never arrived.
/// </summary>
internal static class CallbackStatusEndpoints
{
    public static void MapCallbackStatusEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/biginbulk/v1/jobs/{jobId}/callback", async (HttpContext http, AuthContext auth, string jobId, IOrgStoreProvider stores) =>
        {
            if (!auth.HasAnyScope(Scopes.CallbackStatusAny))
            {
                return ZohoErrors.ScopeMismatch(Scopes.BulkRead).ToResult();
            }

            var status = ZohoIds.TryParse(jobId, out var id) ? await stores.For(auth.OrgId).GetCallbackStatusAsync(id, http.RequestAborted) : null;
            if (status is null)
            {
                return ZohoErrors.ResourceNotFound().ToResult();
            }

            return new ZohoJsonResult(200, new JsonObject
            {
                ["job_id"] = ZohoIds.Format(status.JobId),
                ["operation"] = status.Kind == Storage.Jobs.JobKind.Write ? "write" : "read",
                ["url"] = status.Url,
                ["state"] = status.State,
                ["next_attempt_time"] = status.NextAttemptTime is { } next ? ZohoTime.Format(next) : null,
                ["attempts"] = new JsonArray([.. status.Attempts.Select(a => (JsonNode)new JsonObject
                {
                    ["attempt"] = a.Number,
                    ["time"] = ZohoTime.Format(a.Time),
                    ["http_status"] = a.HttpStatus,
                    ["error"] = a.Error,
                    ["duration_ms"] = a.DurationMs,
                })]),
            });
        }).RequireZohoAuth();
}
