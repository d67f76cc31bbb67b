namespace BiginBulk.Client;

/// <summary>
/// How the client authenticates: a fixed access token, or an OAuth client (id, secret) with a refresh token,
/// from which access tokens are obtained, refreshed ahead of expiry and once more on <c>INVALID_TOKEN</c>.
/// </summary>
public abstract class BiginCredential
{
    private protected BiginCredential()
    {
    }

    /// <summary>A fixed access token. It is never refreshed: an expired token surfaces as <see cref="BulkApiException"/>.</summary>
    /// <param name="accessToken">The token sent as <c>Authorization: Zoho-oauthtoken …</c>.</param>
    public static BiginCredential FromAccessToken(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        return new AccessTokenCredential(accessToken);
    }

    /// <summary>An OAuth client and a refresh token; access tokens come from the accounts host.</summary>
    /// <param name="clientId">The OAuth client id.</param>
    /// <param name="clientSecret">The OAuth client secret.</param>
    /// <param name="refreshToken">A refresh token issued to that client.</param>
    /// <param name="accessToken">An access token already in hand (used until it is refused), or null.</param>
    public static BiginCredential FromRefreshToken(string clientId, string clientSecret, string refreshToken, string? accessToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return new RefreshTokenCredential(clientId, clientSecret, refreshToken, accessToken);
    }

    /// <summary>True when the credential can obtain a new access token by itself.</summary>
    internal abstract bool CanRefresh { get; }

    internal abstract ITokenSource CreateSource(HttpClient http, BiginEndpoints endpoints, TimeProvider time);
}
