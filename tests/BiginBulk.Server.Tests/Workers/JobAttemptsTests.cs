using BiginBulk.Server.Uploads;
using BiginBulk.Server.Persistence;
using BiginBulk.Server.Workers;

namespace BiginBulk.Server.Tests.Workers;

/// <summary>
/// What a failed run of a job leads to, over real driver errors of the store under test: a transient one is
/// tried again and fails the job only on the last attempt; any other fails it at once.
/// </summary>
public sealed class JobAttemptsTests
{
    [Fact]
    public async Task A_lock_held_by_another_connection_is_transient_and_fails_the_job_only_on_the_last_attempt()
    {
        var locked = await DriverErrors.LockConflictAsync();
        var attempts = new JobAttempts();

        Assert.True(TransientFailure.IsTransient(locked), $"{locked.GetType().Name}: {locked.Message}");
        for (var attempt = 1; attempt < JobAttempts.MaxAttempts; attempt++)
        {
            Assert.Null(attempts.Failed(1, locked, out var counted));
            Assert.Equal(attempt, counted);
        }

        var reason = attempts.Failed(1, locked, out var last);
        Assert.Equal(JobAttempts.MaxAttempts, last);
        Assert.NotNull(reason);
        Assert.Contains(locked.Message, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unique_violation_is_not_transient_and_fails_the_job_at_once()
    {
        var duplicate = await DriverErrors.UniqueViolationAsync();
        var attempts = new JobAttempts();

        Assert.False(TransientFailure.IsTransient(duplicate), $"{duplicate.GetType().Name}: {duplicate.Message}");
        var reason = attempts.Failed(1, duplicate, out var attempt);
        Assert.Equal(1, attempt);
        Assert.Equal($"The job could not be processed: {duplicate.Message}", reason);
    }

    [Fact]
    public async Task A_run_that_succeeds_starts_the_count_of_failed_runs_again()
    {
        var locked = await DriverErrors.LockConflictAsync();
        var attempts = new JobAttempts();
        for (var attempt = 1; attempt < JobAttempts.MaxAttempts; attempt++)
        {
            Assert.Null(attempts.Failed(1, locked, out _));
        }

        attempts.Succeeded(1);

        Assert.Null(attempts.Failed(1, locked, out var counted));
        Assert.Equal(1, counted);
    }

    [Fact]
    public async Task Our_own_exception_decides_even_when_it_wraps_a_transient_driver_error()
    {
        var locked = await DriverErrors.LockConflictAsync();
        var unreadable = new UploadedCsvException("The uploaded file cannot be read.", locked);

        Assert.False(TransientFailure.IsTransient(unreadable));
        Assert.True(TransientFailure.IsTransient(new InvalidOperationException("wrapped", locked)));
        Assert.NotNull(new JobAttempts().Failed(1, unreadable, out _));
    }
}
