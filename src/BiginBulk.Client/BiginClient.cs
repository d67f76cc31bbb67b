using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace BiginBulk.Client;

/// <summary>
/// A client for the Bigin Bulk API on Zoho's cloud or a BiginBulk server: uploads, bulk write and bulk read
/// jobs (as operation objects), whole-file imports split to Zoho's limits, and module and field metadata.
/// Immutable and thread-safe: create one and share it.
/// </summary>
public sealed partial class BiginClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ITokenSource _tokens;
    private readonly DownloadThrottle _downloads;

    /// <summary>Creates a client.</summary>
    /// <param name="credential">The access token, or OAuth client and refresh token.</param>
    /// <param name="options">Endpoints, org id, retry and split settings; null for Zoho's US data centre.</param>
    public BiginClient(BiginCredential credential, BiginClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Options = (options ?? new BiginClientOptions()).Copy();
        var retry = new RetryHandler(Options) { InnerHandler = Options.Transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } };
        _http = new HttpClient(retry, disposeHandler: Options.Transport is null) { Timeout = Options.NetworkTimeout };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("BiginBulk.Client", typeof(BiginClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
        _tokens = credential.CreateSource(_http, Options.Endpoints, Options.TimeProvider);
        _downloads = new DownloadThrottle(Options.DownloadsPerMinute, Options.TimeProvider);
    }

    /// <summary>The endpoints this client talks to.</summary>
    public BiginEndpoints Endpoints => Options.Endpoints;

    internal BiginClientOptions Options { get; }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Sends an authenticated request built by <paramref name="build"/> (called again for the one retry after a
    /// refused token) and returns the successful response; errors become <see cref="BulkApiException"/>.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetTokenAsync(cancellationToken);
            var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                request.Dispose();
                throw new BulkApiException($"Could not reach {request.RequestUri?.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                request.Dispose();
                throw new BulkApiException($"{request.RequestUri?.GetLeftPart(UriPartial.Authority)} did not answer in time.", e);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var error = BulkApiException.FromResponse((int)response.StatusCode, body);
            response.Dispose();
            request.Dispose();
            var refused = response.StatusCode == HttpStatusCode.Unauthorized && error.ErrorCode is null or "INVALID_TOKEN" or "AUTHENTICATION_FAILURE";
            if (attempt == 0 && refused && await _tokens.RefreshAfterRejectionAsync(token, cancellationToken))
            {
                continue;
            }

            throw error;
        }
    }

    internal async Task<JsonElement> SendJsonAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(build, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return default;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new BulkApiException((int)response.StatusCode, null, $"Expected JSON from {response.RequestMessage?.RequestUri}, got: {Truncate(body)}", null, body, e);
        }
    }

    internal async Task<Stream> DownloadAsync(Uri uri, string jobId, CancellationToken cancellationToken)
    {
        await _downloads.WaitTurnAsync(jobId, cancellationToken);
        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
        return new OwnedStream(await response.Content.ReadAsStreamAsync(cancellationToken), response);
    }

    internal static StringContent Json(System.Text.Json.Nodes.JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
