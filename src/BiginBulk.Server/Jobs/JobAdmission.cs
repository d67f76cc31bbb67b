using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Errors;
using BiginBulk.Server.Http;
using BiginBulk.Server.Options;
using BiginBulk.Server.Workers;
using BiginBulk.Storage;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Jobs;

/// <summary>
/// Creates bulk jobs, admitting each first. It caps the bulk jobs an org may have waiting or running at once
/// (<c>BiginBulk:Limits:MaxConcurrentJobsPerOrg</c>, default 10): past it, creating a job answers 429 <c>TOO_MANY_REQUESTS</c> with <c>Retry-After</c>, as Zoho's
/// concurrency limits do, so one org cannot queue unbounded work; with credits on it spends the job's credits.
/// A created job wakes the worker.
/// </summary>
internal sealed class JobAdmission(IOptions<BiginBulkOptions> options, TimeProvider time, JobSignal signal)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The cap the store's <c>TryCreate…JobAsync</c> enforces atomically.</summary>
    private int MaxUnfinishedJobs => options.Value.Limits.MaxConcurrentJobsPerOrg;

    /// <summary>Creates the write job, or answers why not (429 at the cap, 400 <c>LIMIT_REACHED</c> without credits).</summary>
    public Task<IResult?> CreateWriteJobAsync(HttpContext http, IOrgStore store, BulkWriteJobDefinition definition) =>
        CreateAsync(http, store, isRead: false, cap => store.TryCreateWriteJobAsync(definition, cap, http.RequestAborted));

    /// <summary>Like <see cref="CreateWriteJobAsync"/>, for a read job (at the read job's price).</summary>
    public Task<IResult?> CreateReadJobAsync(HttpContext http, IOrgStore store, BulkReadJobDefinition definition) =>
        CreateAsync(http, store, isRead: true, cap => store.TryCreateReadJobAsync(definition, cap, http.RequestAborted));

    private async Task<IResult?> CreateAsync(HttpContext http, IOrgStore store, bool isRead, Func<int, Task<bool>> tryCreate)
    {
        if (await RefuseAsync(http, store, isRead) is { } refusal)
        {
            return refusal;
        }

        if (!await tryCreate(MaxUnfinishedJobs))
        {
            return TooManyJobs(http);
        }

        signal.Notify();
        return null;
    }

    /// <summary>Refuses a job over the concurrency cap or, with credits on, over the daily allowance;
    /// otherwise spends the job's credits. <paramref name="isRead"/> picks the read job's price. This count is
    /// only a fast path: the store counts again under a lock when it creates the job.</summary>
    private async Task<IResult?> RefuseAsync(HttpContext http, IOrgStore store, bool isRead)
    {
        var limit = options.Value.Limits.MaxConcurrentJobsPerOrg;
        var unfinished = (await store.ListUnfinishedWriteJobsAsync(http.RequestAborted)).Count
            + (await store.ListUnfinishedReadJobsAsync(http.RequestAborted)).Count;
        if (unfinished < limit)
        {
            return await SpendCreditsAsync(http, store, isRead);
        }

        return TooManyJobs(http);
    }

    /// <summary>The 429 for an org at its cap, with <c>Retry-After</c>.</summary>
    private IResult TooManyJobs(HttpContext http)
    {
        var limit = MaxUnfinishedJobs;
        http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new ZohoError(429, "TOO_MANY_REQUESTS", $"At most {limit} bulk jobs may be waiting or running at once; try again once one has finished.",
            new JsonObject { ["max_limit"] = limit }).ToResult();
    }

    private async Task<IResult?> SpendCreditsAsync(HttpContext http, IOrgStore store, bool isRead)
    {
        var credits = options.Value.Credits;
        if (!credits.Enabled)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var cost = isRead ? credits.BulkReadCost : credits.BulkWriteCost;
        var (spent, used) = await store.TrySpendCreditsAsync(cost, credits.PerDay, now.AddDays(-1), now, http.RequestAborted);
        return spent
            ? null
            : new ZohoError(400, "LIMIT_REACHED", $"The org's API credits for the last 24 hours are used up: {used} of {credits.PerDay} spent, and this job costs {cost}.",
                new JsonObject { ["limit"] = credits.PerDay, ["used"] = used, ["cost"] = cost }).ToResult();
    }
}
