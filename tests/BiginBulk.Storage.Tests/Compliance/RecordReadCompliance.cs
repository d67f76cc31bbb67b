using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>Reading records back: pages by id, single records, display values and the computed Full_Name.</summary>
public abstract class RecordReadCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    private static readonly ModuleDefinition Contacts = StandardModules.Contacts;
    private static readonly ModuleDefinition Accounts = StandardModules.Accounts;

    [Fact]
    public async Task Records_are_listed_by_id_in_pages_that_say_whether_more_follow()
    {
        var store = await NewOrgAsync();
        var ids = Enumerable.Range(0, 5).Select(_ => NewId()).ToArray();
        // Inserted in reverse: pages follow ids, not insertion order.
        await SeedAsync(store, s =>
        {
            foreach (var (id, i) in ids.Select((id, i) => (id, i)).Reverse())
            {
                Insert(s, Accounts, id, ("Account_Name", $"Company {i}"));
            }
        });

        var first = await store.ListRecordsAsync(Accounts, 0, 2);
        var second = await store.ListRecordsAsync(Accounts, 2, 2);
        var last = await store.ListRecordsAsync(Accounts, 4, 2);
        var exact = await store.ListRecordsAsync(Accounts, 3, 2);
        var beyond = await store.ListRecordsAsync(Accounts, 5, 2);

        Assert.Equal(ids[..2], first.Records.Select(r => (long)r["id"]!));
        Assert.True(first.MoreRecords);
        Assert.Equal(ids[2..4], second.Records.Select(r => (long)r["id"]!));
        Assert.True(second.MoreRecords);
        Assert.Equal([ids[4]], last.Records.Select(r => (long)r["id"]!));
        Assert.False(last.MoreRecords);
        Assert.Equal(ids[3..], exact.Records.Select(r => (long)r["id"]!));
        Assert.False(exact.MoreRecords);
        Assert.Empty(beyond.Records);
        Assert.False(beyond.MoreRecords);
        Assert.Equal("Company 0", first.Records[0]["Account_Name"]);
    }

    [Fact]
    public async Task A_record_holds_every_field_of_its_module()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        await SeedAsync(store, s => Insert(s, Contacts, id, ("Last_Name", "Boyle")));

        var record = (await store.GetRecordAsync(Contacts, id))!;

        Assert.Equal(Contacts.Fields.Select(f => f.ApiName).Order(StringComparer.Ordinal), record.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(id, record["id"]);
        Assert.Null(record["Email"]);
        Assert.Null(record["Owner"]);
    }

    [Fact]
    public async Task Full_Name_is_computed_from_first_and_last_name_and_follows_updates()
    {
        var store = await NewOrgAsync();
        var both = NewId();
        var lastOnly = NewId();
        await SeedAsync(store, s =>
        {
            Insert(s, Contacts, both, ("First_Name", "Ann"), ("Last_Name", "Boyle"));
            Insert(s, Contacts, lastOnly, ("Last_Name", "Stone"));
        });

        Assert.Equal("Ann Boyle", (await store.GetRecordAsync(Contacts, both))!["Full_Name"]);
        Assert.Equal("Stone", (await store.GetRecordAsync(Contacts, lastOnly))!["Full_Name"]);

        await SeedAsync(store, s => s.Update(Contacts, both, Values(Contacts, ("Last_Name", "Lee")), new(AuditUser, T0)));

        Assert.Equal("Ann Lee", (await store.GetRecordAsync(Contacts, both))!["Full_Name"]);
    }

    [Fact]
    public async Task Display_values_are_given_for_the_records_that_exist()
    {
        var store = await NewOrgAsync();
        var acme = NewId();
        var globex = NewId();
        var ann = NewId();
        await SeedAsync(store, s =>
        {
            Insert(s, Accounts, acme, ("Account_Name", "Acme"));
            Insert(s, Accounts, globex, ("Account_Name", "Globex"));
            Insert(s, Contacts, ann, ("First_Name", "Ann"), ("Last_Name", "Boyle"));
        });

        var accounts = await store.GetDisplayValuesAsync(Accounts, [acme, globex, ann, NewId()]);
        var contacts = await store.GetDisplayValuesAsync(Contacts, [ann]);

        Assert.Equal(2, accounts.Count);
        Assert.Equal("Acme", accounts[acme]);
        Assert.Equal("Globex", accounts[globex]);
        Assert.Equal("Ann Boyle", contacts[ann]);
        Assert.Empty(await store.GetDisplayValuesAsync(Accounts, []));
    }
}
