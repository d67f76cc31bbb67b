using System.Text.Json.Nodes;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// <c>POST /oauth/v2/token</c>, answering as Zoho Accounts does: errors are HTTP 200 with an <c>error</c>
/// key (Zoho's SDKs read the key, not the status). Parameters come from the form body or the query
/// string, since Zoho's own docs show both.
/// </summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/oauth/v2/token", IssueAsync);

    private static async Task<IResult> IssueAsync(HttpContext context, ISystemStore store, TokenService tokens, PublicUrls urls)
    {
        var parameters = await ReadParametersAsync(context.Request);
        string? Param(string name) => parameters.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

        var grantType = Param("grant_type");
        if (grantType is null)
        {
            return Error("invalid_request");
        }

        if (grantType != "refresh_token")
        {
            return Error("unsupported_grant_type");
        }

        var clientId = Param("client_id");
        var secret = Param("client_secret");
        var client = clientId is null ? null : await store.GetClientAsync(clientId, context.RequestAborted);
        if (client is null || secret is null || !TokenHasher.Matches(secret, client.SecretHash))
        {
            return Error("invalid_client");
        }

        var refreshToken = Param("refresh_token");
        var refresh = refreshToken is null ? null : await tokens.FindLiveAsync(refreshToken, TokenKind.Refresh, context.RequestAborted);
        if (refresh is null || refresh.ClientId != client.ClientId)
        {
            return Error("invalid_code");
        }

        var access = await tokens.MintAsync(TokenKind.Access, client.ClientId, refresh.OrgId, refresh.UserId, refresh.Scopes, context.RequestAborted);
        return new ZohoJsonResult(200, new JsonObject
        {
            ["access_token"] = access,
            ["scope"] = string.Join(' ', refresh.Scopes),
            ["api_domain"] = urls.BaseUrl(context.Request),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)TokenService.AccessTokenLifetime.TotalSeconds,
        });
    }

    private static async Task<Dictionary<string, string?>> ReadParametersAsync(HttpRequest request)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            result[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, value) in form)
            {
                result[key] = value.ToString();
            }
        }

        return result;
    }

    private static ZohoJsonResult Error(string error) => new(200, new JsonObject { ["error"] = error });
}
