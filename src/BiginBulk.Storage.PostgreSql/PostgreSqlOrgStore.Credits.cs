using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    public async Task<(bool Spent, int Used)> TrySpendCreditsAsync(int cost, int limit, DateTimeOffset windowStart, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Where SQLite's BEGIN IMMEDIATE takes the file's write lock, an advisory lock makes the check and the spend
        // atomic across nodes, so two requests cannot both take the last credits.
        await connection.LockAsync("biginbulk:credits:" + _schema, cancellationToken);
        int used;
        await using (var sum = connection.Command("SELECT coalesce(sum(cost), 0)::int FROM credit_usage WHERE time > @since", P("since", PostgreSqlValues.Time(windowStart))))
        {
            used = (int)(await sum.ExecuteScalarAsync(cancellationToken))!;
        }

        if (used + cost > limit)
        {
            return (false, used);
        }

        await connection.ExecuteAsync("INSERT INTO credit_usage (time, cost) VALUES (@time, @cost)", cancellationToken,
            P("time", PostgreSqlValues.Time(time)), P("cost", cost));
        await transaction.CommitAsync(cancellationToken);
        return (true, used + cost);
    }
}
