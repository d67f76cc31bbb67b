using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

/// <summary>What <see cref="BulkWriteRequestParser"/> needs from the server to validate a create-job body.</summary>
public sealed record BulkWriteRequestContext
{
    public required long JobId { get; init; }

    public required UserRef CreatedBy { get; init; }

    public required DateTimeOffset CreatedTime { get; init; }

    /// <summary>Finds a module by API name or alias; null when the org has no such module.</summary>
    public required Func<string, ModuleDefinition?> FindModule { get; init; }

    /// <summary>Reads the header of an uploaded file of this org (null when there is no such file).
    /// Throws a ZohoErrorException when the file cannot be read as CSV.</summary>
    public required Func<long, string?, CancellationToken, Task<CsvFileHeader?>> ReadHeader { get; init; }

    /// <summary>Checks a callback URL; returns null when it is acceptable, else the reason.</summary>
    public required Func<Uri, CancellationToken, Task<string?>> CheckCallbackUrl { get; init; }

    /// <summary>True when the server can decode files in the named character encoding.</summary>
    public required Func<string, bool> IsKnownEncoding { get; init; }

    /// <summary>Most mapped fields (and CSV columns) a job may have: Zoho's 200.</summary>
    public int MaxColumns { get; init; } = 200;
}
