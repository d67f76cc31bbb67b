namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    public Task<(bool Spent, int Used)> TrySpendCreditsAsync(int cost, int limit, DateTimeOffset windowStart, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        // BEGIN IMMEDIATE: the check and the spend happen under the write lock, so two requests cannot both
        // take the last credits.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var sum = connection.CreateCommand("SELECT coalesce(sum(cost), 0) FROM credit_usage WHERE time > $since", ("$since", SqliteValues.FormatTime(windowStart)));
        sum.Transaction = transaction;
        var used = Convert.ToInt32(sum.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (used + cost > limit)
        {
            return Task.FromResult((false, used));
        }

        using var spend = connection.CreateCommand("INSERT INTO credit_usage (time, cost) VALUES ($time, $cost)", ("$time", SqliteValues.FormatTime(time)), ("$cost", cost));
        spend.Transaction = transaction;
        spend.ExecuteNonQuery();
        transaction.Commit();
        return Task.FromResult((true, used + cost));
    }
}
