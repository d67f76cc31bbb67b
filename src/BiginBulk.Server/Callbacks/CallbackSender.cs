using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Callbacks;

/// <summary>
/// POSTs a finished job's details to its callback URL (one attempt; <see cref="CallbackDeliveryWorker"/> retries). The connection is made only to an address that
/// <see cref="CallbackUrlGuard"/> allows at the moment of delivery (so a DNS change after the job was
/// created cannot redirect it inward); redirects are not followed and timeouts are short.
/// </summary>
internal sealed partial class CallbackSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly ILogger<CallbackSender> _logger;

    public CallbackSender(CallbackUrlGuard guard, IOptions<BiginBulkOptions> options, ILogger<CallbackSender> logger)
    {
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectTimeout = options.Value.Callbacks.Timeout,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var url = context.InitialRequestMessage.RequestUri!;
                var addresses = await guard.AllowedAddressesAsync(url, cancellationToken);
                if (addresses.Length == 0)
                {
                    throw new HttpRequestException($"The callback host {url.Host} has no address a callback may reach.");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { Timeout = options.Value.Callbacks.Timeout };
    }

    /// <summary>Delivers once and says what happened: the receiver's status, or why it could not be reached.
    /// Failures are logged and returned, never thrown.</summary>
    public async Task<(int? HttpStatus, string? Error, TimeSpan Duration)> SendAsync(string url, JsonNode body, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var content = new StringContent(body.ToJsonString(BiginBulk.Core.Json.ZohoJson.Options), Encoding.UTF8, "application/json");
            content.Headers.ContentType!.CharSet = null;
            using var response = await _client.PostAsync(new Uri(url), content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(_logger, url, (int)response.StatusCode);
            }

            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SocketException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LogFailed(_logger, url, ex.Message);
            return (null, ex.Message, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    public void Dispose() => _client.Dispose();

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Callback to {Url} answered HTTP {Status}")]
    private static partial void LogRefused(ILogger logger, string url, int status);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Callback to {Url} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string url, string reason);
}
