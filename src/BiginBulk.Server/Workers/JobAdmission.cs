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
public sealed class JobAdmission(IOptions<BiginBulkOptions> options)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public async Task<IResult?> RefuseAsync(HttpContext http, IOrgStore store)
    {
        var limit = options.Value.Limits.MaxConcurrentJobsPerOrg;
        var unfinished = (await store.ListUnfinishedWriteJobsAsync(http.RequestAborted)).Count
            + (await store.ListUnfinishedReadJobsAsync(http.RequestAborted)).Count;
        if (unfinished < limit)
        {
            return null;
        }

        http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new ZohoError(429, "TOO_MANY_REQUESTS", $"At most {limit} bulk jobs may be waiting or running at once; try again once one has finished.",
            new JsonObject { ["max_limit"] = limit }).ToResult();
    }
}
