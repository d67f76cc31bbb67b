namespace BiginBulk.Server.Options;

/// <summary><c>BiginBulk:Limits</c>. Defaults equal Zoho's published limits (notes §4).</summary>
internal sealed class LimitsOptions
{
    /// <summary>Largest accepted upload (the zip), in bytes: Zoho's 25 MB.</summary>
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest the CSV inside may expand to; stops zip bombs.</summary>
    public long MaxUncompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest compression ratio accepted for the CSV entry; stops zip bombs.</summary>
    public double MaxCompressionRatio { get; set; } = 200;

    /// <summary>Rows processed per file; rows past it are reported as skipped with LIMIT_EXCEEDED.</summary>
    public int MaxRowsPerFile { get; set; } = 25_000;

    /// <summary>Columns in a CSV header and entries in <c>field_mappings</c>.</summary>
    public int MaxColumns { get; set; } = 200;

    /// <summary>Rows committed per transaction (and per checkpoint) by the write worker.</summary>
    public int WriteChunkRows { get; set; } = 2_000;

    /// <summary>Largest JSON request body, in bytes.</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Records per bulk read page: Zoho's 200,000.</summary>
    public int ReadPageSize { get; set; } = 200_000;

    /// <summary>Events per ICS export: Zoho's 20,000.</summary>
    public int MaxIcsEvents { get; set; } = 20_000;

    /// <summary>Leaf conditions in one bulk read criteria tree: Zoho's 25.</summary>
    public int MaxCriteria { get; set; } = 25;

    /// <summary>Result downloads per read job per minute: Zoho's 10; more get 429 TOO_MANY_REQUESTS.</summary>
    public int ReadDownloadsPerMinute { get; set; } = 10;

    /// <summary>Bulk jobs (write and read) an org may have waiting or running at once; more get 429.</summary>
    public int MaxConcurrentJobsPerOrg { get; set; } = 10;
}
