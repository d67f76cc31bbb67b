using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Server.Http;
using BiginBulk.Server.Options;
using BiginBulk.Storage;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Workers;

/// <summary>
/// Caps the bulk jobs an org may have waiting or running at once (<c>BiginBulk:Limits:MaxConcurrentJobsPerOrg</c>,
/// default 10): past it, creating a job answers 429 <c>TOO_MANY_REQUESTS</c> with <c>Retry-After</c>, as Zoho's
/// concurrency limits do, so one org cannot queue unbounded work.
/// </summary>
internal sealed class JobAdmission(IOptions<BiginBulkOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The cap to pass to the store's <c>TryCreate…JobAsync</c>, which enforces it atomically.</summary>
    public int MaxUnfinishedJobs => options.Value.Limits.MaxConcurrentJobsPerOrg;

    /// <summary>Refuses a job over the concurrency cap or, with credits on, over the daily allowance;
    /// otherwise spends the job's credits. <paramref name="isRead"/> picks the read job's price. This count is
    /// only a fast path: the store counts again under a lock when it creates the job.</summary>
    public async Task<IResult?> RefuseAsync(HttpContext http, IOrgStore store, bool isRead = false)
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
    public IResult TooManyJobs(HttpContext http)
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
