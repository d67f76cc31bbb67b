using System.Globalization;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    public async Task<(bool Spent, int Used)> TrySpendCreditsAsync(int cost, int limit, DateTimeOffset windowStart, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        // The check and the spend happen under one write lock, so two requests cannot both take the last credits.
        await db.BeginWriteAsync("credits", cancellationToken);
        var used = Convert.ToInt32(
            await db.ScalarAsync("SELECT coalesce(sum(cost), 0) FROM credit_usage WHERE time > @since", cancellationToken, ("since", windowStart)),
            CultureInfo.InvariantCulture);
        if (used + cost > limit)
        {
            return (false, used);
        }

        await db.ExecuteAsync("INSERT INTO credit_usage (time, cost) VALUES (@time, @cost)", cancellationToken, ("time", time), ("cost", cost));
        await db.CommitAsync(cancellationToken);
        return (true, used + cost);
    }
}
