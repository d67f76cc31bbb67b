namespace BiginBulk.Client;

/// <summary>
/// Settings of a <see cref="BiginClient"/>. The client copies what it needs when constructed, so changing the
/// options afterwards does not change a client.
/// </summary>
public sealed class BiginClientOptions
{
    /// <summary>Options for Zoho's cloud in the US data centre.</summary>
    public BiginClientOptions()
        : this(BiginEndpoints.ForDataCenter(ZohoDataCenter.US))
    {
    }

    /// <summary>Options for a Zoho data centre.</summary>
    /// <param name="dataCenter">The data centre of the Bigin account.</param>
    public BiginClientOptions(ZohoDataCenter dataCenter)
        : this(BiginEndpoints.ForDataCenter(dataCenter))
    {
    }

    /// <summary>Options for explicit endpoints, e.g. <see cref="BiginEndpoints.ForServer"/> for a BiginBulk server.</summary>
    /// <param name="endpoints">The API, upload and accounts bases.</param>
    public BiginClientOptions(BiginEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Endpoints = endpoints;
    }

    /// <summary>The API, upload and accounts bases.</summary>
    public BiginEndpoints Endpoints { get; set; }

    /// <summary>The org id sent as <c>X-CRM-ORG</c> on uploads (required by Zoho for uploads).</summary>
    public string? OrgId { get; set; }

    /// <summary>Retries of a transient failure (429, 5xx, network) before it surfaces. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; each retry doubles it. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay between retries. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest <c>Retry-After</c> honoured; a longer one is cut to this. Default 2 min.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often <c>WaitForCompletionAsync</c> polls a job. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows per uploaded file when an import is split (Zoho's limit is 25,000). Default 25,000.</summary>
    public int MaxRowsPerFile { get; set; } = 25_000;

    /// <summary>Uncompressed CSV bytes per uploaded file when an import is split (Zoho's limit is 25 MB a file). Default 25 MB.</summary>
    public long MaxBytesPerFile { get; set; } = 25L * 1024 * 1024;

    /// <summary>Result downloads per job per minute (Zoho allows 10). Default 10.</summary>
    public int DownloadsPerMinute { get; set; } = 10;

    /// <summary>Per-request timeout. Default 100 s.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The HTTP handler that sends requests (a test stub, a proxy-configured handler), or null for the default.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>The clock and timers the client uses (token expiry, retry and poll delays).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal BiginClientOptions Copy() => (BiginClientOptions)MemberwiseClone();
}
