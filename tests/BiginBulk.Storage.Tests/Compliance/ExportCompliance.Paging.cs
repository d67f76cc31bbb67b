using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.Tests.Compliance;

public abstract partial class ExportCompliance
{
    [Fact]
    public async Task Pages_follow_ids_and_say_whether_records_lie_beyond()
    {
        var store = await NewOrgAsync();
        var ids = Enumerable.Range(0, 7).Select(_ => NewId()).ToArray();
        await SeedAsync(store, s =>
        {
            foreach (var i in new[] { 3, 0, 6, 1, 5, 2, 4 })
            {
                Insert(s, Accounts, ids[i], ("Account_Name", $"Company {i}"));
            }
        });

        await AssertPageAsync(store, null, 0, 3, ids[..3], beyond: true);
        await AssertPageAsync(store, null, 3, 3, ids[3..6], beyond: true);
        await AssertPageAsync(store, null, 6, 3, ids[6..], beyond: false);
        await AssertPageAsync(store, null, 4, 3, ids[4..], beyond: false);
        await AssertPageAsync(store, null, 0, 7, ids, beyond: false);
        await AssertPageAsync(store, null, 0, 6, ids[..6], beyond: true);
        await AssertPageAsync(store, null, 7, 3, [], beyond: false);
        await AssertPageAsync(store, null, 100, 3, [], beyond: false);
    }

    [Fact]
    public async Task Pages_count_only_the_records_that_match()
    {
        var store = await NewOrgAsync();
        var ids = Enumerable.Range(0, 9).Select(_ => NewId()).ToArray();
        await SeedAsync(store, s =>
        {
            for (var i = 0; i < ids.Length; i++)
            {
                Insert(s, Accounts, ids[i], ("Account_Name", i % 2 == 0 ? $"Match {i}" : $"Other {i}"));
            }
        });
        long[] matching = [ids[0], ids[2], ids[4], ids[6], ids[8]];
        var criteria = Leaf("Account_Name", "starts_with", Text("match"));

        await AssertPageAsync(store, criteria, 0, 2, matching[..2], beyond: true);
        await AssertPageAsync(store, criteria, 2, 2, matching[2..4], beyond: true);
        await AssertPageAsync(store, criteria, 4, 2, matching[4..], beyond: false);
        await AssertPageAsync(store, criteria, 3, 2, matching[3..], beyond: false);
        await AssertPageAsync(store, criteria, 5, 2, [], beyond: false);
    }

    private static async Task AssertPageAsync(IOrgStore store, string? criteriaJson, long offset, int limit, long[] expected, bool beyond)
    {
        Assert.Equal(expected, await MatchAsync(store, Accounts, criteriaJson, offset, limit));
        var catalog = await store.GetCatalogAsync();
        var query = new ExportQuery(Accounts, Columns(catalog, Accounts, "Account_Name"),
            criteriaJson is null ? null : Parse(catalog, Accounts, criteriaJson), offset, limit);
        Assert.True(beyond == await store.HasRecordsBeyondAsync(query),
            $"HasRecordsBeyondAsync at offset {offset}, limit {limit} should be {beyond}");
    }
}
