namespace BiginBulk.Server.Options;

/// <summary>
/// <c>BiginBulk:Credits</c>: Zoho-style daily API credits (notes §4), off by default. When on, creating a bulk
/// write job costs 500 credits and a bulk read job 50, from a rolling 24-hour allowance per org; a job that
/// would overspend is refused with <c>LIMIT_REACHED</c>, so integrators can test how they handle it.
/// </summary>
internal sealed class CreditOptions
{
    public bool Enabled { get; set; }

    /// <summary>Credits per org per rolling 24 hours (Bigin's free edition has 5,000).</summary>
    public int PerDay { get; set; } = 5_000;

    public int BulkWriteCost { get; set; } = 500;

    public int BulkReadCost { get; set; } = 50;
}
