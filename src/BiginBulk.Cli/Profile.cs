using System.Text.Json.Serialization;

namespace BiginBulk.Cli;

/// <summary>A saved connection: a server or a Zoho data centre, an org, and credentials.</summary>
internal sealed record Profile
{
    [JsonPropertyName("server")]
    public string? Server { get; init; }

    [JsonPropertyName("data_center")]
    public string? DataCenter { get; init; }

    [JsonPropertyName("org_id")]
    public string? OrgId { get; init; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("client_id")]
    public string? ClientId { get; init; }

    [JsonPropertyName("client_secret")]
    public string? ClientSecret { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }
}
