namespace BiginBulk.Storage.Credits;

/// <summary>The org's spending of API credits, counted over a sliding window when credits are on.</summary>
public interface ICreditStore
{
    /// <summary>Spends <paramref name="cost"/> API credits at <paramref name="time"/> if the credits spent since
    /// <paramref name="windowStart"/> leave room under <paramref name="limit"/>; returns the credits spent in the window
    /// (including this spend when it was made) and whether it was made.</summary>
    Task<(bool Spent, int Used)> TrySpendCreditsAsync(int cost, int limit, DateTimeOffset windowStart, DateTimeOffset time, CancellationToken cancellationToken = default);
}
