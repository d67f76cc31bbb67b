namespace BiginBulk.Client;

internal sealed class RefreshTokenCredential(string clientId, string clientSecret, string refreshToken, string? accessToken) : BiginCredential
{
    internal string ClientId { get; } = clientId;

    internal string ClientSecret { get; } = clientSecret;

    internal string RefreshToken { get; } = refreshToken;

    internal string? InitialAccessToken { get; } = accessToken;

    internal override bool CanRefresh => true;

    internal override ITokenSource CreateSource(HttpClient http, BiginEndpoints endpoints, TimeProvider time) =>
        new RefreshingTokenSource(this, http, endpoints.TokenUri, time);
}
