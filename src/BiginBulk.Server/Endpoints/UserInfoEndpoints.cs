using System.Text.Json.Nodes;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// The accounts server's user-info endpoint for OAuth clients, <c>GET /oauth/user/info</c> (also
/// <c>/oauth/v2/user/info</c>): who the access token belongs to, in Zoho Accounts' capitalised keys. Zoho's
/// old C# SDK calls it after the grant flow and reads <c>Email</c> (sdk wire notes §8).
/// </summary>
internal static class UserInfoEndpoints
{
    public static void MapUserInfoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oauth/user/info", Get).RequireZohoAuth();
        app.MapGet("/oauth/v2/user/info", Get).RequireZohoAuth();
    }

    private static async Task<IResult> Get(HttpContext http, AuthContext auth, IOrgDirectory store)
    {
        // The middleware found this user a moment ago; a user deleted since is an unknown token.
        var user = await store.GetUserAsync(auth.UserId, http.RequestAborted);
        if (user is null)
        {
            return ZohoErrors.InvalidToken().ToResult();
        }

        return new ZohoJsonResult(200, new JsonObject
        {
            ["First_Name"] = user.FirstName,
            ["Email"] = user.Email,
            ["Last_Name"] = user.LastName,
            ["Display_Name"] = user.FullName,
            ["ZUID"] = ZohoIds.Format(user.Id),
        });
    }
}
