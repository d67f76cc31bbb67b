using System.Text.Json.Serialization;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>What the server wrote to <c>bootstrap.json</c> on first start.</summary>
public sealed record Bootstrap(
    [property: JsonPropertyName("org_id")] string OrgId,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("api_domain")] string ApiDomain);
