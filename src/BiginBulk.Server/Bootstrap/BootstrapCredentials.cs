using System.Text.Json.Serialization;

namespace BiginBulk.Server.Bootstrap;

/// <summary>The contents of <c>{DataDirectory}/bootstrap.json</c>: what a newcomer needs to call the API.</summary>
internal sealed record BootstrapCredentials(
    [property: JsonPropertyName("org_id")] string OrgId,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("api_domain")] string ApiDomain);
