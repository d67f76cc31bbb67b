using System.Data.Common;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;
using static BiginBulk.Storage.Tests.TestFields;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>
/// Custom fields are real columns: added and removed at run time, reflected in the catalog (also by another store
/// instance over the same data), usable in records and exports; removing one drops its values and keeps the rest.
/// </summary>
public abstract class CustomFieldCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    [Fact]
    public async Task A_new_org_has_the_standard_catalog()
    {
        var store = await NewOrgAsync();

        var catalog = await store.GetCatalogAsync();

        Assert.Equal(StandardModules.All.Select(m => m.ApiName), catalog.All.Select(m => m.ApiName));
        foreach (var module in catalog.All)
        {
            Assert.Equal(StandardModules.Find(module.ApiName)!.Fields, module.Fields);
        }
    }

    [Fact]
    public async Task Added_fields_appear_after_the_modules_own_fields_with_their_definitions()
    {
        var store = await NewOrgAsync();
        var contacts = await AddEveryTypeToContactsAsync(store);
        var deals = Custom("Region", FieldType.Picklist, 120, picklist: ["North", "South"]);
        await store.AddCustomFieldAsync(new CustomField("Pipelines", deals));

        var catalog = await store.GetCatalogAsync();

        var standard = StandardModules.Contacts.Fields.Count;
        Assert.Equal(StandardModules.Contacts.Fields, contacts.Fields.Take(standard));
        Assert.Equal(EveryType.Count, contacts.Fields.Count - standard);
        // Fields added within one second come back in name order on SQLite (custom_fields is ordered by created_time,
        // api_name), so only membership is pinned here, not the order of addition.
        foreach (var expected in EveryType)
        {
            AssertSameDefinition(expected, Assert.Single(contacts.Fields.Skip(standard), f => f.ApiName == expected.ApiName));
        }

        AssertSameDefinition(deals, catalog.Find("Deals")!.Fields[^1]);
        Assert.Equal(StandardModules.Accounts.Fields, catalog.Find("Accounts")!.Fields);
        Assert.Equal(StandardModules.Contacts.Fields, (await (await NewOrgAsync()).GetCatalogAsync()).Find("Contacts")!.Fields);
    }

    [Fact]
    public async Task Removing_a_field_drops_its_values_and_keeps_every_other_value()
    {
        var store = await NewOrgAsync();
        var contacts = await AddEveryTypeToContactsAsync(store);
        var id = NewId();
        await SeedAsync(store, s => Insert(s, contacts, id,
            ("Last_Name", "Boyle"), ("Email", "ann@example.com"), ("Budget", 10.25m), ("Tags", new[] { "Red" }), ("Member_Code", "M1")));

        Assert.True(await store.RemoveCustomFieldAsync("Contacts", "Budget"));

        var catalog = await store.GetCatalogAsync();
        var after = catalog.Find("Contacts")!;
        Assert.Null(after.FindField("Budget"));
        Assert.Equal(contacts.Fields.Count - 1, after.Fields.Count);
        var record = (await store.GetRecordAsync(after, id))!;
        Assert.False(record.ContainsKey("Budget"));
        Assert.Equal("Boyle", record["Last_Name"]);
        Assert.Equal("ann@example.com", record["Email"]);
        Assert.Equal(["Red"], (string[])record["Tags"]!);
        Assert.Equal("M1", record["Member_Code"]);
        Assert.Equal(T0, record["Created_Time"]);

        // Added again under the same name, the field starts empty: the old values went with the column.
        await store.AddCustomFieldAsync(new CustomField("Contacts", Custom("Budget", FieldType.Currency, 16, decimalPlaces: 2)));
        var again = (await store.GetCatalogAsync()).Find("Contacts")!;
        Assert.Null((await store.GetRecordAsync(again, id))!["Budget"]);
        Assert.Equal("Boyle", (await store.GetRecordAsync(again, id))!["Last_Name"]);
    }

    [Fact]
    public async Task Removing_a_unique_field_removes_its_uniqueness_and_other_unique_fields_stay_enforced()
    {
        var store = await NewOrgAsync();
        var contacts = await AddEveryTypeToContactsAsync(store);
        await SeedAsync(store, s => Insert(s, contacts, NewId(), ("Last_Name", "A"), ("Email", "a@example.com"), ("Member_Code", "M1")));

        Assert.True(await store.RemoveCustomFieldAsync("Contacts", "Member_Code"));
        await store.AddCustomFieldAsync(new CustomField("Contacts", Custom("Member_Code", FieldType.Text, 40)));
        var again = (await store.GetCatalogAsync()).Find("Contacts")!;

        await SeedAsync(store, s =>
        {
            Insert(s, again, NewId(), ("Last_Name", "B"), ("Member_Code", "same"));
            Insert(s, again, NewId(), ("Last_Name", "C"), ("Member_Code", "same"));
        });
        using var chunk = await BeginChunkAsync(store);
        Assert.ThrowsAny<DbException>(() => Insert(chunk.Records, again, NewId(), ("Last_Name", "D"), ("Email", "A@example.com")));
    }

    [Fact]
    public async Task Removing_a_field_that_is_not_a_custom_field_does_nothing()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        await SeedAsync(store, s => Insert(s, StandardModules.Contacts, id, ("Last_Name", "Boyle"), ("Email", "ann@example.com")));

        Assert.False(await store.RemoveCustomFieldAsync("Contacts", "Email"));
        Assert.False(await store.RemoveCustomFieldAsync("Contacts", "Nope"));
        Assert.False(await store.RemoveCustomFieldAsync("Nowhere", "Email"));

        Assert.Equal(StandardModules.Contacts.Fields, (await store.GetCatalogAsync()).Find("Contacts")!.Fields);
        Assert.Equal("ann@example.com", (await store.GetRecordAsync(StandardModules.Contacts, id))!["Email"]);
    }

    [Fact]
    public async Task Custom_fields_are_per_org()
    {
        var first = await NewOrgAsync();
        var second = await NewOrgAsync();
        await first.AddCustomFieldAsync(new CustomField("Accounts", Custom("Industry", FieldType.Text, 100)));

        Assert.NotNull((await first.GetCatalogAsync()).Find("Accounts")!.FindField("Industry"));
        Assert.Null((await second.GetCatalogAsync()).Find("Accounts")!.FindField("Industry"));
        Assert.False(await second.RemoveCustomFieldAsync("Accounts", "Industry"));
    }

    [Fact]
    public async Task Another_store_instance_over_the_same_data_sees_added_and_removed_fields()
    {
        var store = await NewOrgAsync();
        // A second provider stands for another process (the admin tool) working on the same data.
        var elsewhere = Engine.CreateOrgStoreProvider().For(store.OrgId);
        Assert.Null((await store.GetCatalogAsync()).Find("Accounts")!.FindField("Industry"));

        await elsewhere.AddCustomFieldAsync(new CustomField("Accounts", Custom("Industry", FieldType.Text, 100)));
        Assert.NotNull((await store.GetCatalogAsync()).Find("Accounts")!.FindField("Industry"));

        var id = NewId();
        var accounts = (await store.GetCatalogAsync()).Find("Accounts")!;
        await SeedAsync(store, s => Insert(s, accounts, id, ("Account_Name", "Acme"), ("Industry", "Retail")));
        Assert.Equal("Retail", (await elsewhere.GetRecordAsync((await elsewhere.GetCatalogAsync()).Find("Accounts")!, id))!["Industry"]);

        Assert.True(await elsewhere.RemoveCustomFieldAsync("Accounts", "Industry"));
        var after = (await store.GetCatalogAsync()).Find("Accounts")!;
        Assert.Null(after.FindField("Industry"));
        Assert.Equal("Acme", (await store.GetRecordAsync(after, id))!["Account_Name"]);
    }

    [Fact]
    public async Task Custom_fields_work_in_export_columns_and_criteria()
    {
        var store = await NewOrgAsync();
        var contacts = await AddEveryTypeToContactsAsync(store);
        var acme = NewId();
        var ids = new[] { NewId(), NewId(), NewId() };
        await SeedAsync(store, s =>
        {
            Insert(s, StandardModules.Accounts, acme, ("Account_Name", "Acme"));
            Insert(s, contacts, ids[0], ("Last_Name", "A"), ("Tags", new[] { "Red", "Blue" }), ("Score", 1.5m), ("Partner", acme), ("VIP", true),
                ("Last_Seen", new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero)), ("Renewal", new DateOnly(2025, 1, 1)));
            Insert(s, contacts, ids[1], ("Last_Name", "B"), ("Tags", new[] { "Green" }), ("Score", 20m));
            Insert(s, contacts, ids[2], ("Last_Name", "C"));
        });
        var catalog = await store.GetCatalogAsync();

        var rows = await ExportRowsAsync(store, new ExportQuery(contacts,
            Columns(catalog, contacts, "Tags", "Score", "Partner", "Partner.Account_Name", "VIP", "Last_Seen", "Renewal"), null, 0, 10));

        Assert.Equal(3, rows.Count);
        Assert.Equal(["Red", "Blue"], Assert.IsType<string[]>(rows[0][0]));
        Assert.Equal([1.5m, acme, "Acme", true, new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), new DateOnly(2025, 1, 1), ids[0]], rows[0][1..]);
        Assert.Equal([null, null, null, null, null, null, ids[2]], rows[2][1..]);

        Assert.Equal([ids[1]], await MatchAsync(store, contacts, """{"api_name":"Score","comparator":"greater_than","value":"1.5"}"""));
        Assert.Equal([ids[0]], await MatchAsync(store, contacts, """{"api_name":"Tags","comparator":"contains","value":"blue"}"""));
        Assert.Equal([ids[2]], await MatchAsync(store, contacts, """{"api_name":"Tags","comparator":"equal","value":"${EMPTY}"}"""));
        Assert.Equal([ids[0]], await MatchAsync(store, contacts, """{"api_name":"Partner.Account_Name","comparator":"equal","value":"ACME"}"""));
        Assert.Equal([ids[1], ids[2]], await MatchAsync(store, contacts, """{"api_name":"VIP","comparator":"equal","value":false}"""));
        Assert.Equal([ids[0]], await MatchAsync(store, contacts, """{"api_name":"Renewal","comparator":"greater_equal","value":"2025-01-01"}"""));
    }

    private static void AssertSameDefinition(FieldDefinition expected, FieldDefinition actual)
    {
        Assert.Equal(expected.ApiName, actual.ApiName);
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.DecimalPlaces, actual.DecimalPlaces);
        Assert.Equal(expected.LookupModule, actual.LookupModule);
        Assert.Equal(expected.Unique, actual.Unique);
        Assert.Equal(expected.Mandatory, actual.Mandatory);
        Assert.Equal(expected.PicklistValues, actual.PicklistValues);
        Assert.True(actual.CustomField);
    }
}
