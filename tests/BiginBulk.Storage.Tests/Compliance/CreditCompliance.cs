namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>API credits: a spend is made only when the window leaves room, and only spends inside the window count.</summary>
public abstract class CreditCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    private static readonly DateTimeOffset Day = T0.AddDays(-1);

    [Fact]
    public async Task Spends_add_up_until_the_limit_and_a_refused_spend_costs_nothing()
    {
        var store = await NewOrgAsync();

        Assert.Equal((true, 3), await store.TrySpendCreditsAsync(3, 10, Day, T0));
        Assert.Equal((true, 6), await store.TrySpendCreditsAsync(3, 10, Day, T0.AddSeconds(1)));
        Assert.Equal((true, 9), await store.TrySpendCreditsAsync(3, 10, Day, T0.AddSeconds(2)));
        Assert.Equal((false, 9), await store.TrySpendCreditsAsync(3, 10, Day, T0.AddSeconds(3)));
        Assert.Equal((false, 9), await store.TrySpendCreditsAsync(2, 10, Day, T0.AddSeconds(4)));
        Assert.Equal((true, 10), await store.TrySpendCreditsAsync(1, 10, Day, T0.AddSeconds(5)));
        Assert.Equal((false, 10), await store.TrySpendCreditsAsync(1, 10, Day, T0.AddSeconds(6)));
    }

    [Fact]
    public async Task Only_spends_after_the_window_start_count()
    {
        var store = await NewOrgAsync();
        await store.TrySpendCreditsAsync(5, 100, T0.AddDays(-1), T0);
        await store.TrySpendCreditsAsync(7, 100, T0.AddDays(-1), T0.AddHours(1));

        // A window starting a second before the first spend holds both; one starting at it no longer holds it.
        Assert.Equal((true, 13), await store.TrySpendCreditsAsync(1, 100, T0.AddSeconds(-1), T0.AddHours(2)));
        Assert.Equal((true, 9), await store.TrySpendCreditsAsync(1, 100, T0, T0.AddHours(2)));
        Assert.Equal((true, 3), await store.TrySpendCreditsAsync(1, 100, T0.AddHours(1), T0.AddHours(2)));
        Assert.Equal((true, 1), await store.TrySpendCreditsAsync(1, 100, T0.AddHours(2), T0.AddDays(2)));
    }

    [Fact]
    public async Task A_full_window_frees_up_as_it_moves_on()
    {
        var store = await NewOrgAsync();
        Assert.Equal((true, 10), await store.TrySpendCreditsAsync(10, 10, T0.AddDays(-1), T0));
        Assert.Equal((false, 10), await store.TrySpendCreditsAsync(1, 10, T0.AddHours(23).AddDays(-1), T0.AddHours(23)));

        var later = T0.AddDays(1).AddSeconds(1);
        Assert.Equal((true, 4), await store.TrySpendCreditsAsync(4, 10, later.AddDays(-1), later));
    }

    [Fact]
    public async Task Credits_are_counted_per_org()
    {
        var first = await NewOrgAsync();
        var second = await NewOrgAsync();
        Assert.Equal((true, 10), await first.TrySpendCreditsAsync(10, 10, Day, T0));

        Assert.Equal((true, 10), await second.TrySpendCreditsAsync(10, 10, Day, T0));
        Assert.Equal((false, 10), await first.TrySpendCreditsAsync(1, 10, Day, T0));
    }

    [Fact]
    public async Task Concurrent_spends_never_overdraw()
    {
        var store = await NewOrgAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => store.TrySpendCreditsAsync(1, 7, Day, T0.AddSeconds(i)))));

        Assert.Equal(7, results.Count(r => r.Spent));
        Assert.Equal((false, 7), await store.TrySpendCreditsAsync(1, 7, Day, T0.AddMinutes(1)));
    }
}
