using System.Net;

namespace BiginBulk.Client;

/// <summary>
/// Retries 429, 5xx and network failures with exponential backoff and jitter, waiting what
/// <c>Retry-After</c> asks when the server says. Hand-rolled rather than Microsoft.Extensions.Http.Resilience:
/// that package brings Polly, telemetry, DI and options into every consumer for what is forty lines here.
/// Request bodies are re-sent, so every content this client sends can be serialized more than once.
/// </summary>
internal sealed class RetryHandler(BiginClientOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
                if (!IsTransient(response.StatusCode) || attempt >= options.MaxRetries)
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (attempt < options.MaxRetries && request.Content is not INonReplayableContent)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && attempt < options.MaxRetries
                && request.Content is not INonReplayableContent)
            {
                // HttpClient's own timeout, not the caller's cancellation.
            }

            var delay = RetryAfter(response) ?? Backoff(attempt);
            response?.Dispose();
            if (request.Content is INonReplayableContent)
            {
                throw new BulkApiException((int?)response?.StatusCode ?? 0, null,
                    "The request failed transiently and its body (a non-seekable stream) cannot be sent again.", null, null);
            }

            await Task.Delay(delay, options.TimeProvider, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return Clamp(delta);
        }

        if (header?.Date is { } date)
        {
            return Clamp(date - options.TimeProvider.GetUtcNow());
        }

        return null;
    }

    private TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxRetryAfter ? options.MaxRetryAfter : delay;

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        // Full jitter keeps many clients that failed together from retrying together.
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
#pragma warning restore CA5394
    }
}
