using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace BiginBulk.Client;

/// <summary>
/// Access tokens from a refresh token. A token is refreshed a few minutes before it expires, and again when
/// the server says <c>INVALID_TOKEN</c>; concurrent callers wait on the one refresh in flight.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "SemaphoreSlim needs disposing only when its wait handle is used; it lives as long as the client.")]
internal sealed class RefreshingTokenSource : ITokenSource
{
    // Zoho's own SDKs refresh this early too: a token about to expire may die in flight.
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly RefreshTokenCredential _credential;
    private readonly HttpClient _http;
    private readonly Uri _tokenUri;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    public RefreshingTokenSource(RefreshTokenCredential credential, HttpClient http, Uri tokenUri, TimeProvider time)
    {
        _credential = credential;
        _http = http;
        _tokenUri = tokenUri;
        _time = time;
        _token = credential.InitialAccessToken;
        // A token handed in has an unknown age: use it until it is refused.
        _expiresAt = DateTimeOffset.MaxValue;
    }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _token);
        if (token is not null && _time.GetUtcNow() < _expiresAt - RefreshMargin)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _time.GetUtcNow() < _expiresAt - RefreshMargin)
            {
                return _token;
            }

            return await RefreshAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> RefreshAfterRejectionAsync(string rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller refreshed while this one's request was refused: its token is the new one.
            if (_token is not null && !string.Equals(_token, rejected, StringComparison.Ordinal))
            {
                return true;
            }

            await RefreshAsync(cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> RefreshAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "refresh_token"),
                new("client_id", _credential.ClientId),
                new("client_secret", _credential.ClientSecret),
                new("refresh_token", _credential.RefreshToken),
            ]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BulkApiException((int)response.StatusCode, null, "The accounts server answered something other than JSON.", null, body);
        }

        // Zoho Accounts answers errors as HTTP 200 {"error":"invalid_code"}.
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.String)
        {
            var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) ? error.ToString() : null;
            throw new BulkApiException((int)response.StatusCode, code, $"The token refresh was refused ({code ?? "no access_token"}).", null, body);
        }

        var seconds = 3600d;
        if (root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetDouble(out var value))
        {
            // With expires_in_sec present, expires_in is in milliseconds (an older Accounts shape).
            seconds = root.TryGetProperty("expires_in_sec", out _) ? value / 1000 : value;
        }

        _expiresAt = _time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        var token = accessToken.GetString()!;
        Volatile.Write(ref _token, token);
        return token;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"refresh token source, expires {_expiresAt:O}");
}
