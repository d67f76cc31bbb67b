using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.Tests.Compliance;

public abstract partial class ExportCompliance
{
    [Fact]
    public async Task Criteria_follow_a_lookup_to_the_looked_up_records_field()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C1, d.C4], await MatchAsync(store, Contacts, Leaf("Account_Name.Account_Name", "equal", Text("ACME"))));
        Assert.Equal([d.C2, d.C3, d.C5], await MatchAsync(store, Contacts, Leaf("Account_Name.Account_Name", "not_equal", Text("acme"))));
        Assert.Equal([d.C1, d.C4], await MatchAsync(store, Contacts, Leaf("Account_Name.Phone", "equal", Text("111"))));
        // No phone, and no company at all, are both empty.
        Assert.Equal([d.C2, d.C3, d.C5], await MatchAsync(store, Contacts, Leaf("Account_Name.Phone", "equal", Text("${EMPTY}"))));
        Assert.Equal([d.C2], await MatchAsync(store, Contacts, Leaf("Account_Name.Account_Name", "starts_with", Text("glo"))));
    }

    [Fact]
    public async Task Criteria_follow_the_owner_to_the_org_user_mirror()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C1, d.C3], await MatchAsync(store, Contacts, Leaf("Owner.last_name", "equal", Text("LEE"))));
        Assert.Equal([d.C1, d.C3], await MatchAsync(store, Contacts, Leaf("Owner.full_name", "equal", Text("ann lee"))));
        Assert.Equal([d.C2, d.C5], await MatchAsync(store, Contacts, Leaf("Owner.full_name", "equal", Text("Stone"))));
        Assert.Equal([d.C1, d.C2, d.C3, d.C5], await MatchAsync(store, Contacts, Leaf("Owner.email", "ends_with", Text("@EXAMPLE.COM"))));
        Assert.Equal([d.C2, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Owner.first_name", "equal", Text("${EMPTY}"))));
        Assert.Equal([d.C2, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Owner.last_name", "not_equal", Text("lee"))));
        Assert.Equal([d.C2, d.C5], await MatchAsync(store, Contacts, Leaf("Owner.id", "equal", Id(d.U2))));
    }

    [Fact]
    public async Task Dot_field_columns_read_the_looked_up_values_or_null()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);
        var catalog = await store.GetCatalogAsync();
        var columns = Columns(catalog, Contacts, "Last_Name", "Account_Name.Account_Name", "Account_Name.Phone", "Owner.full_name", "Owner.email", "Owner.id");

        var rows = await ExportRowsAsync(store, new ExportQuery(Contacts, columns, null, 0, 10));

        Assert.Equal(["Boyle", "Acme", "111", "Ann Lee", "ann.lee@example.com", d.U1, d.C1], rows[0]);
        Assert.Equal(["boyle", "Globex", null, "Stone", "stone@example.com", d.U2, d.C2], rows[1]);
        Assert.Equal(["Smith", null, null, "Ann Lee", "ann.lee@example.com", d.U1, d.C3], rows[2]);
        Assert.Equal(["Brown", "Acme", "111", null, null, null, d.C4], rows[3]);
    }

    [Fact]
    public async Task One_lookup_used_in_columns_and_criteria_and_two_lookups_in_one_query()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);
        var deals = new[] { NewId(), NewId(), NewId() };
        await SeedAsync(store, s =>
        {
            Insert(s, Pipelines, deals[0], ("Deal_Name", "One"), ("Account_Name", d.A1), ("Contact_Name", d.C1));
            Insert(s, Pipelines, deals[1], ("Deal_Name", "Two"), ("Account_Name", d.A2), ("Contact_Name", d.C2));
            Insert(s, Pipelines, deals[2], ("Deal_Name", "Three"), ("Contact_Name", d.C3));
        });
        var catalog = await store.GetCatalogAsync();
        var criteria = Parse(catalog, Pipelines, $$"""
            {"group_operator":"and","group":[
              {{Leaf("Contact_Name.Last_Name", "equal", Text("BOYLE"))}},
              {{Leaf("Account_Name.Account_Name", "not_equal", Text("Globex"))}}]}
            """);

        var rows = await ExportRowsAsync(store, new ExportQuery(
            Pipelines, Columns(catalog, Pipelines, "Deal_Name", "Account_Name.Account_Name", "Contact_Name.Full_Name", "Contact_Name.Email"), criteria, 0, 10));

        var row = Assert.Single(rows);
        Assert.Equal(["One", "Acme", "Ann Boyle", "ann@boyle.com", deals[0]], row);
        Assert.Equal([deals[1], deals[2]], await MatchAsync(store, Pipelines, Leaf("Contact_Name.Full_Name", "not_equal", Text("ann boyle"))));
    }

    [Fact]
    public async Task Syncing_users_replaces_the_mirror()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        await store.SyncUsersAsync([new User(d.U1, store.OrgId, "ann@example.com", "Ann", "Lee-Jones", "Administrator")]);

        Assert.Empty(await MatchAsync(store, Contacts, Leaf("Owner.last_name", "equal", Text("Lee"))));
        Assert.Equal([d.C1, d.C3], await MatchAsync(store, Contacts, Leaf("Owner.last_name", "equal", Text("lee-jones"))));
        Assert.Equal([d.C2, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Owner.email", "equal", Text("${EMPTY}"))));

        await store.SyncUsersAsync([]);
        Assert.Equal([d.C1, d.C2, d.C3, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Owner.email", "equal", Text("${EMPTY}"))));
    }

    [Fact]
    public async Task The_user_mirror_is_per_org()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);
        var other = await NewOrgAsync();
        await other.SyncUsersAsync([new User(d.U1, other.OrgId, "someone@else.com", "Some", "One", "Standard")]);

        Assert.Equal([d.C1, d.C3], await MatchAsync(store, Contacts, Leaf("Owner.last_name", "equal", Text("lee"))));
        Assert.Empty(await MatchAsync(store, Contacts, Leaf("Owner.last_name", "equal", Text("one"))));
    }
}
