namespace BiginBulk.Client;

/// <summary>
/// Zoho allows 10 result downloads per job per minute: a sliding window per job id makes the client wait its
/// turn instead of earning a 429.
/// </summary>
internal sealed class DownloadThrottle(int perMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);

    public async Task WaitTurnAsync(string jobId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_recent)
            {
                var now = time.GetUtcNow();
                if (!_recent.TryGetValue(jobId, out var queue))
                {
                    _recent[jobId] = queue = new Queue<DateTimeOffset>();
                }

                while (queue.Count > 0 && now - queue.Peek() >= Window)
                {
                    queue.Dequeue();
                }

                if (queue.Count < perMinute)
                {
                    queue.Enqueue(now);
                    return;
                }

                wait = queue.Peek() + Window - now;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
