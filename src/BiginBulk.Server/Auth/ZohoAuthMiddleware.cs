using System.Text.Json.Nodes;
using BiginBulk.Server.Http;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Auth;

/// <summary>
/// Resolves the access token of routes marked <see cref="RequiresZohoAuth"/>. A missing, unknown, revoked
/// or expired token gets Zoho's 401 <c>INVALID_TOKEN</c> before the handler runs; past the failures allowed
/// per source address (<see cref="AuthFailureThrottle"/>), 429 <c>TOO_MANY_REQUESTS</c> with <c>Retry-After</c>.
/// </summary>
internal sealed class ZohoAuthMiddleware(RequestDelegate next)
{
    private const string ZohoPrefix = "Zoho-oauthtoken ";
    private const string BearerPrefix = "Bearer ";

    public async Task InvokeAsync(HttpContext context, TokenService tokens, IOrgDirectory store, AuthFailureThrottle throttle)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresZohoAuth>() is null)
        {
            await next(context);
            return;
        }

        var auth = await ResolveAsync(context, tokens, store);
        if (auth is null)
        {
            if (throttle.Fail(context.Connection.RemoteIpAddress, clientId: null) is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = AuthFailureThrottle.Header(retryAfter);
                await ZohoErrors.TooManyFailedAuthentications().ToResult().ExecuteAsync(context);
                return;
            }

            // Key order as in a recorded Zoho response (notes §6), which clients have been seen to log and match.
            var error = ZohoErrors.InvalidToken();
            await new ZohoJsonResult(error.HttpStatus, new JsonObject
            {
                ["code"] = error.Code,
                ["details"] = new JsonObject(),
                ["message"] = error.Message,
                ["status"] = "error",
            }).ExecuteAsync(context);
            return;
        }

        context.Items[AuthContext.ItemKey] = auth;
        await next(context);
    }

    private static async Task<AuthContext?> ResolveAsync(HttpContext context, TokenService tokens, IOrgDirectory store)
    {
        var header = context.Request.Headers.Authorization.ToString();
        string? token = null;
        if (header.StartsWith(ZohoPrefix, StringComparison.OrdinalIgnoreCase))
        {
            token = header[ZohoPrefix.Length..].Trim();
        }
        else if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // Zoho's own Postman collection sends Bearer; accept it as the same token.
            token = header[BearerPrefix.Length..].Trim();
        }

        if (token is null)
        {
            return null;
        }

        var record = await tokens.FindLiveAsync(token, TokenKind.Access, context.RequestAborted);
        if (record is null)
        {
            return null;
        }

        var user = await store.GetUserAsync(record.UserId, context.RequestAborted);
        // A deactivated user's tokens stop working at once, as Zoho signs a deactivated user out.
        if (user is null || user.OrgId != record.OrgId || !user.IsActive)
        {
            return null;
        }

        return new AuthContext(record.OrgId, user.Id, user.FullName, user.Email, user.Profile, record.Scopes);
    }
}
