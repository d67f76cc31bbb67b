using System.Threading.RateLimiting;
using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Http;

/// <summary>
/// Zoho allows 10 result downloads per read job per minute (notes §2.3), then answers 429. One sliding window per
/// job (<see cref="PartitionedRateLimiter"/>, 60 one-second segments, so it behaves like a true sliding minute);
/// the limiter of a job nobody downloaded for a while is reclaimed, so old jobs are forgotten. Kept in memory:
/// the limit protects this node, so it need not be shared across nodes.
/// </summary>
internal sealed class DownloadRateLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<long> _downloads;

    public DownloadRateLimiter(IOptions<BiginBulkOptions> options)
    {
        var permits = options.Value.Limits.ReadDownloadsPerMinute;
        _downloads = PartitionedRateLimiter.Create<long, long>(jobId => RateLimitPartition.GetSlidingWindowLimiter(jobId, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            SegmentsPerWindow = 60,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Records a download of <paramref name="jobId"/>; false (with when to retry) when over the limit.</summary>
    public bool TryAcquire(long jobId, out TimeSpan retryAfter)
    {
        using var lease = _downloads.AttemptAcquire(jobId);
        // A sliding window does not say when a permit comes back; Zoho's page says "after one minute".
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var hint) && hint > TimeSpan.Zero ? hint : Window;
        return lease.IsAcquired;
    }

    public void Dispose() => _downloads.Dispose();
}
