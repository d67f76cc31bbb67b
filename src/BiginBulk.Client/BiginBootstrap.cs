using System.Text.Json;
using System.Text.Json.Serialization;

namespace BiginBulk.Client;

/// <summary>
/// The credentials a BiginBulk server writes to <c>data/bootstrap.json</c> on its first start: enough to
/// connect to that server in one step.
/// </summary>
public sealed record BiginBootstrap
{
    /// <summary>The default org's id (sent as <c>X-CRM-ORG</c>).</summary>
    [JsonPropertyName("org_id")]
    public required string OrgId { get; init; }

    /// <summary>The OAuth client id.</summary>
    [JsonPropertyName("client_id")]
    public required string ClientId { get; init; }

    /// <summary>The OAuth client secret.</summary>
    [JsonPropertyName("client_secret")]
    public required string ClientSecret { get; init; }

    /// <summary>The refresh token.</summary>
    [JsonPropertyName("refresh_token")]
    public required string RefreshToken { get; init; }

    /// <summary>An access token (it may have expired; the client refreshes it).</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>The server's base URL.</summary>
    [JsonPropertyName("api_domain")]
    public required string ApiDomain { get; init; }

    /// <summary>Reads a <c>bootstrap.json</c>.</summary>
    /// <param name="path">The file, e.g. <c>data/bootstrap.json</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<BiginBootstrap> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<BiginBootstrap>(file, cancellationToken: cancellationToken)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a BiginBulk bootstrap.json: {e.Message}", e);
        }
    }

    /// <summary>A credential from the client and refresh token (the access token is used until refused).</summary>
    public BiginCredential CreateCredential() => BiginCredential.FromRefreshToken(ClientId, ClientSecret, RefreshToken, AccessToken);

    /// <summary>Options for the server at <see cref="ApiDomain"/> with <see cref="OrgId"/> set.</summary>
    public BiginClientOptions CreateOptions() => new(BiginEndpoints.ForServer(new Uri(ApiDomain))) { OrgId = OrgId };
}
