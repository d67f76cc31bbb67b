using System.Collections.Concurrent;
using BiginBulk.Server.Persistence;

namespace BiginBulk.Server.Workers;

/// <summary>
/// Decides what a failed run of a job leads to. A transient failure (a locked database, a dropped connection)
/// is tried again on the worker's next passes, up to <see cref="MaxAttempts"/> runs in a row; any other
/// failure would happen again on every run, so it fails the job at once and the jobs behind it go on.
/// </summary>
internal sealed class JobAttempts
{
    public const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<long, int> _failures = new();

    /// <summary>The job ran to its end: its count of failed runs starts again.</summary>
    public void Succeeded(long jobId) => _failures.TryRemove(jobId, out _);

    /// <summary>Counts a failed run; null when the job should be tried again, otherwise the message to fail it with.</summary>
    public string? Failed(long jobId, Exception exception, out int attempt)
    {
        attempt = _failures.AddOrUpdate(jobId, 1, (_, n) => n + 1);
        if (!TransientFailure.IsTransient(exception))
        {
            _failures.TryRemove(jobId, out _);
            return $"The job could not be processed: {exception.Message}";
        }

        if (attempt < MaxAttempts)
        {
            return null;
        }

        _failures.TryRemove(jobId, out _);
        return $"The job could not be processed after {MaxAttempts} attempts that failed on a passing condition: {exception.Message}";
    }
}
