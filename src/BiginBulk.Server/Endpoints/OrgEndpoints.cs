using System.Text.Json.Nodes;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// <c>GET /bigin/v2/org</c> (and <c>/crm/v{n}/org</c>): the caller's org in Zoho's shape, <c>{"org":[{…}]}</c>.
/// <c>zgid</c> is the org id, the value of <c>X-CRM-ORG</c>; Zoho's SDKs key their token store on it and on
/// the current user's email.
/// </summary>
internal static class OrgEndpoints
{
    public static void MapOrgEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in RestRoutes.Prefixes)
        {
            app.MapGet(prefix + "/org", GetAsync).RequireZohoAuth();
        }
    }

    private static async Task<IResult> GetAsync(HttpContext http, AuthContext auth, IOrgDirectory store)
    {
        if (!auth.HasAnyScope(Scopes.OrgRead))
        {
            return ZohoErrors.ScopeMismatch(Scopes.OrgRead[0]).ToResult();
        }

        var org = await store.GetOrgAsync(auth.OrgId, http.RequestAborted);
        if (org is null)
        {
            return ZohoErrors.ResourceNotFound().ToResult();
        }

        var users = await store.ListUsersAsync(org.Id, http.RequestAborted);
        var primary = users.FirstOrDefault(u => u.Profile == Profiles.Administrator) ?? (users.Count > 0 ? users[0] : null);
        return new ZohoJsonResult(200, new JsonObject
        {
            ["org"] = new JsonArray(new JsonObject
            {
                ["id"] = ZohoIds.Format(org.Id),
                ["zgid"] = ZohoIds.Format(org.Id),
                ["company_name"] = org.Name,
                ["domain_name"] = "org" + ZohoIds.Format(org.Id),
                ["primary_email"] = primary?.Email,
                ["primary_zuid"] = primary is null ? null : ZohoIds.Format(primary.Id),
                ["time_zone"] = org.TimeZone,
                ["iso_code"] = org.Currency,
                ["currency"] = org.Currency,
                ["currency_locale"] = "en_US",
                ["country_code"] = "US",
                ["employee_count"] = null,
                ["phone"] = null,
                ["mobile"] = null,
                ["website"] = null,
                ["street"] = null,
                ["city"] = null,
                ["state"] = null,
                ["zip"] = null,
                ["country"] = null,
                ["description"] = null,
                ["mc_status"] = false,
                ["created_time"] = ZohoTime.Format(org.CreatedTime),
            }),
        });
    }
}
