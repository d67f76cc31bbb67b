using System.Text.Json.Nodes;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// <c>POST /oauth/v2/token</c> and <c>/oauth/v2/token/revoke</c>, answering as Zoho Accounts does: errors are
/// HTTP 200 with an <c>error</c> key (Zoho's SDKs read the key, not the status). Parameters come from the
/// form body or the query string, since Zoho's own docs show both. Grants: <c>authorization_code</c> (a
/// self-client grant code minted with the admin tool), <c>refresh_token</c> and <c>client_credentials</c>.
/// </summary>
internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/oauth/v2/token", IssueAsync);
        app.MapPost("/oauth/v2/token/revoke", RevokeAsync);
    }

    private static async Task<IResult> IssueAsync(HttpContext context, ICredentialStore store, TokenService tokens, PublicUrls urls, AuthFailureThrottle throttle)
    {
        var result = await IssueUnthrottledAsync(context, store, tokens, urls);
        // Failed authentications are what is counted: a wrong client secret, a bad refresh token or grant code.
        if (result is not ZohoJsonResult { Body: JsonObject body } || body["error"]?.GetValue<string>() is not ("invalid_client" or "invalid_code"))
        {
            return result;
        }

        // The form was read (and cached by ASP.NET) by the grant itself.
        var parameters = await TryReadParametersAsync(context.Request);
        if (throttle.Fail(context.Connection.RemoteIpAddress, parameters?.Get("client_id")) is not { } retryAfter)
        {
            return result;
        }

        // Zoho Accounts' throttle answer (CRM API docs, "Token Validity"): HTTP 200 like its other errors.
        context.Response.Headers.RetryAfter = AuthFailureThrottle.Header(retryAfter);
        return new ZohoJsonResult(200, new JsonObject
        {
            ["error_description"] = "You have made too many requests continuously. Please try again after some time.",
            ["error"] = "Access Denied",
            ["status"] = "failure",
        });
    }

    private static async Task<IResult> IssueUnthrottledAsync(HttpContext context, ICredentialStore store, TokenService tokens, PublicUrls urls)
    {
        if (await TryReadParametersAsync(context.Request) is not { } parameters)
        {
            return Error("invalid_request");
        }

        var grantType = parameters.Get("grant_type");
        if (grantType is null)
        {
            return Error("invalid_request");
        }

        if (grantType is not ("refresh_token" or "authorization_code" or "client_credentials"))
        {
            return Error("unsupported_grant_type");
        }

        var clientId = parameters.Get("client_id");
        var secret = parameters.Get("client_secret");
        var client = clientId is null ? null : await store.GetClientAsync(clientId, context.RequestAborted);
        if (client is null || secret is null || !TokenHasher.Matches(secret, client.SecretHash))
        {
            return Error("invalid_client");
        }

        var cancellationToken = context.RequestAborted;
        var apiDomain = urls.BaseUrl(context.Request);
        switch (grantType)
        {
            case "refresh_token":
            {
                var refreshToken = parameters.Get("refresh_token");
                var refresh = refreshToken is null ? null : await tokens.FindLiveAsync(refreshToken, TokenKind.Refresh, cancellationToken);
                if (refresh is null || refresh.ClientId != client.ClientId)
                {
                    return Error("invalid_code");
                }

                var access = await tokens.MintAsync(TokenKind.Access, client.ClientId, refresh.OrgId, refresh.UserId, refresh.Scopes, refresh, cancellationToken: cancellationToken);
                return Tokens(access, refreshToken: null, refresh.Scopes, apiDomain);
            }

            case "authorization_code":
            {
                var code = parameters.Get("code");
                var grant = code is null ? null : await tokens.FindLiveAsync(code, TokenKind.GrantCode, cancellationToken);
                if (grant is null || grant.ClientId != client.ClientId || await tokens.RedeemGrantCodeAsync(code!, cancellationToken) is null)
                {
                    return Error("invalid_code");
                }

                var refresh = await tokens.MintAsync(TokenKind.Refresh, client.ClientId, grant.OrgId, grant.UserId, grant.Scopes, cancellationToken: cancellationToken);
                var refreshRecord = await tokens.FindLiveAsync(refresh, TokenKind.Refresh, cancellationToken);
                var access = await tokens.MintAsync(TokenKind.Access, client.ClientId, grant.OrgId, grant.UserId, grant.Scopes, refreshRecord, cancellationToken: cancellationToken);
                return Tokens(access, refresh, grant.Scopes, apiDomain);
            }

            default:
            {
                // Zoho's client credentials flow names the org as soid=ZohoCRM.{org id}; we also take ZohoBigin.{org id}.
                var soid = parameters.Get("soid");
                if (soid is null)
                {
                    return Error("missing_org_info");
                }

                var org = soid[(soid.IndexOf('.', StringComparison.Ordinal) + 1)..];
                if (!soid.Contains('.', StringComparison.Ordinal) || org != client.OrgId.ToString(System.Globalization.CultureInfo.InvariantCulture) || client.UserId is not { } userId)
                {
                    return Error("invalid_client");
                }

                var scopes = Scopes.ParseRequested(parameters.Get("scope"));
                if (scopes is null)
                {
                    return Error("invalid_scope");
                }

                var access = await tokens.MintAsync(TokenKind.Access, client.ClientId, client.OrgId, userId, scopes, cancellationToken: cancellationToken);
                return Tokens(access, refreshToken: null, scopes, apiDomain);
            }
        }
    }

    /// <summary>Revoking a refresh token also ends every access token minted from it. Unknown tokens answer
    /// success too: revoking is idempotent, and the answer must not tell which tokens exist.</summary>
    private static async Task<IResult> RevokeAsync(HttpContext context, TokenService tokens)
    {
        if (await TryReadParametersAsync(context.Request) is not { } parameters)
        {
            return Error("invalid_request");
        }

        var token = parameters.Get("token");
        if (token is null)
        {
            return Error("invalid_request");
        }

        await tokens.RevokeAsync(token, context.RequestAborted);
        return new ZohoJsonResult(200, new JsonObject { ["status"] = "success" });
    }

    /// <summary>
    /// The request's parameters, or null when its form body cannot be read (past the form limits of 1024 keys
    /// or 4 MB a value, or a multipart body without a boundary): Zoho Accounts answers such a request
    /// <c>invalid_request</c>, never a server error.
    /// </summary>
    private static async Task<OAuthParameters?> TryReadParametersAsync(HttpRequest request)
    {
        try
        {
            return await OAuthParameters.ReadAsync(request);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static ZohoJsonResult Tokens(string accessToken, string? refreshToken, IReadOnlyList<string> scopes, string apiDomain)
    {
        var json = new JsonObject { ["access_token"] = accessToken };
        if (refreshToken is not null)
        {
            json["refresh_token"] = refreshToken;
        }

        json["scope"] = string.Join(' ', scopes);
        json["api_domain"] = apiDomain;
        json["token_type"] = "Bearer";
        json["expires_in"] = (int)TokenService.AccessTokenLifetime.TotalSeconds;
        return new ZohoJsonResult(200, json);
    }

    private static ZohoJsonResult Error(string error) => new(200, new JsonObject { ["error"] = error });
}
