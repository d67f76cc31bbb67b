using System.Text.Json.Nodes;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Views;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>Custom views: every org's "All …" system views and the ones administrators add.</summary>
public abstract class CustomViewCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    [Fact]
    public async Task Every_module_of_a_new_org_has_its_All_system_view()
    {
        var store = await NewOrgAsync();

        foreach (var module in StandardModules.All)
        {
            var view = Assert.Single(await store.ListCustomViewsAsync(module.ApiName));
            Assert.Equal($"All {module.PluralLabel}", view.Name);
            Assert.Equal(module.ApiName, view.Module);
            Assert.True(view.SystemDefined);
            Assert.Null(view.Criteria);
            Assert.Equal(view, await store.GetCustomViewAsync(view.Id));
        }
    }

    [Fact]
    public async Task System_view_ids_are_the_same_in_every_org()
    {
        var first = await NewOrgAsync();
        var second = await NewOrgAsync();

        var ids = new HashSet<long>();
        foreach (var module in StandardModules.All)
        {
            var a = Assert.Single(await first.ListCustomViewsAsync(module.ApiName));
            var b = Assert.Single(await second.ListCustomViewsAsync(module.ApiName));
            Assert.Equal(a.Id, b.Id);
            ids.Add(a.Id);
        }

        Assert.Equal(StandardModules.All.Count, ids.Count);
    }

    [Fact]
    public async Task A_created_view_round_trips_and_lists_after_the_system_view()
    {
        var store = await NewOrgAsync();
        var criteria = JsonNode.Parse("""{"group_operator":"or","group":[{"api_name":"Last_Name","comparator":"equal","value":"Boyle"},{"api_name":"Email","comparator":"equal","value":"${EMPTY}"}]}""");
        var (lowId, highId) = (NewId(), NewId());
        var later = new CustomView(highId, "Contacts", "Zeta view", null, criteria, false, T0.AddDays(1));
        var earlier = new CustomView(lowId, "Contacts", "Älpha — view", "ALPHA", JsonNode.Parse("""{"api_name":"Title","comparator":"contains","value":"CEO"}"""), false, T0);
        var elsewhere = new CustomView(NewId(), "Accounts", "Accounts view", null, null, false, T0);
        await store.CreateCustomViewAsync(later);
        await store.CreateCustomViewAsync(earlier);
        await store.CreateCustomViewAsync(elsewhere);

        var found = await store.GetCustomViewAsync(later.Id);
        Assert.NotNull(found);
        Assert.Equal(later with { Criteria = null }, found with { Criteria = null });
        Assert.True(JsonNode.DeepEquals(criteria, found.Criteria));
        Assert.Equal("ALPHA", (await store.GetCustomViewAsync(earlier.Id))!.SystemName);

        var views = await store.ListCustomViewsAsync("Contacts");
        Assert.Equal(3, views.Count);
        Assert.True(views[0].SystemDefined);
        Assert.Equal([earlier.Id, later.Id], views.Skip(1).Select(v => v.Id));
        Assert.Equal(2, (await store.ListCustomViewsAsync("Accounts")).Count);
        Assert.Null(await store.GetCustomViewAsync(NewId()));
        Assert.Single(await (await NewOrgAsync()).ListCustomViewsAsync("Contacts"));
    }
}
