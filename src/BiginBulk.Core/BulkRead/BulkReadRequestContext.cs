using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

/// <summary>What <see cref="BulkReadRequestParser"/> needs from the server to validate a create-job body.</summary>
public sealed record BulkReadRequestContext
{
    public required long JobId { get; init; }

    public required UserRef CreatedBy { get; init; }

    public required DateTimeOffset CreatedTime { get; init; }

    /// <summary>Finds a module by API name or alias; null when the org has no such module.</summary>
    public required Func<string, ModuleDefinition?> FindModule { get; init; }

    /// <summary>The API name of the module a custom view of this org belongs to; null when there is no such view.</summary>
    public required Func<long, CancellationToken, Task<string?>> FindViewModule { get; init; }

    /// <summary>Checks a callback URL; returns null when it is acceptable, else the reason.</summary>
    public required Func<Uri, CancellationToken, Task<string?>> CheckCallbackUrl { get; init; }

    /// <summary>Most conditions one request's criteria may hold: the 25 of Zoho's Kaizen #195.</summary>
    public int MaxCriteria { get; init; } = 25;
}
