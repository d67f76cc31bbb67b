using System.Collections.Concurrent;
using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Http;

/// <summary>
/// Zoho allows 10 result downloads per read job per minute (notes §2.3), then answers 429. A sliding window
/// per job, kept in memory: the limit protects this node, so it need not be shared across nodes.
/// </summary>
public sealed class DownloadRateLimiter(IOptions<BiginBulkOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, Queue<DateTimeOffset>> _downloads = new();

    /// <summary>Records a download of <paramref name="jobId"/>; false (with when to retry) when over the limit.</summary>
    public bool TryAcquire(long jobId, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var queue = _downloads.GetOrAdd(jobId, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window)
            {
                queue.Dequeue();
            }

            if (queue.Count >= options.Value.Limits.ReadDownloadsPerMinute)
            {
                retryAfter = Window - (now - queue.Peek());
                return false;
            }

            queue.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
