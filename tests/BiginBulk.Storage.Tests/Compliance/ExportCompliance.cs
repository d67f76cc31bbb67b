using BiginBulk.Core.Modules;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>
/// Bulk read exports: criteria of every comparator family (with <c>${EMPTY}</c> and the empties that negative
/// comparators match), groups, dot fields through lookups and the user mirror, typed columns and paging by id.
/// Split by concern into partial files; every test reads its own org seeded with <see cref="SeedAsync(IOrgStore)"/>.
/// </summary>
public abstract partial class ExportCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    private static readonly ModuleDefinition Contacts = StandardModules.Contacts;
    private static readonly ModuleDefinition Accounts = StandardModules.Accounts;
    private static readonly ModuleDefinition Pipelines = StandardModules.Pipelines;
    private static readonly ModuleDefinition Products = StandardModules.Products;

    /// <summary>
    /// The contacts every criteria test reads (ids grow C1 to C5; inserted out of order):
    /// <code>
    ///      Last     First City     Title         OptOut DOB        Account Owner Created (UTC)
    /// C1   Boyle    Ann   Paris    50% off_deal  true   1990-01-15 A1      U1    2024-01-01 00:00:00
    /// C2   boyle    -     ''       50X offXdeal  false  1985-06-30 A2      U2    2024-01-02 00:00:00
    /// C3   Smith    Zoë   Berlin   -             -      -          -       U1    2024-01-03 00:00:00
    /// C4   Brown    Bo    -        Chief         false  2000-12-31 A1      -     2024-01-04 12:30:45.678
    /// C5   Schmidt  -     paris    -             true   1985-06-29 -       U2    2024-01-05 00:00:00
    /// </code>
    /// A1 is Acme (Phone 111), A2 Globex (no phone); U1 is Ann Lee, U2 has no first name (Stone).
    /// </summary>
    private sealed record Dataset(long A1, long A2, long U1, long U2, long C1, long C2, long C3, long C4, long C5);

    private static async Task<Dataset> SeedAsync(IOrgStore store)
    {
        var d = new Dataset(NewId(), NewId(), NewId(), NewId(), NewId(), NewId(), NewId(), NewId(), NewId());
        await store.SyncUsersAsync(
        [
            new User(d.U1, store.OrgId, "ann.lee@example.com", "Ann", "Lee", "Administrator"),
            new User(d.U2, store.OrgId, "stone@example.com", null, "Stone", "Standard"),
        ]);
        await SeedAsync(store, s =>
        {
            Insert(s, Accounts, d.A2, ("Account_Name", "Globex"));
            Insert(s, Accounts, d.A1, ("Account_Name", "Acme"), ("Phone", "111"));
            Insert(s, Contacts, d.C4, new DateTimeOffset(2024, 1, 4, 12, 30, 45, TimeSpan.Zero).AddMilliseconds(678),
                ("Last_Name", "Brown"), ("First_Name", "Bo"), ("Title", "Chief"), ("Email_Opt_Out", false),
                ("Date_of_Birth", new DateOnly(2000, 12, 31)), ("Account_Name", d.A1));
            Insert(s, Contacts, d.C2, new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero),
                ("Last_Name", "boyle"), ("Mailing_City", string.Empty), ("Title", "50X offXdeal"), ("Email_Opt_Out", false),
                ("Date_of_Birth", new DateOnly(1985, 6, 30)), ("Account_Name", d.A2), ("Owner", d.U2));
            Insert(s, Contacts, d.C1, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
                ("Last_Name", "Boyle"), ("First_Name", "Ann"), ("Email", "ann@boyle.com"), ("Mailing_City", "Paris"), ("Title", "50% off_deal"),
                ("Email_Opt_Out", true), ("Date_of_Birth", new DateOnly(1990, 1, 15)), ("Account_Name", d.A1), ("Owner", d.U1));
            Insert(s, Contacts, d.C5, new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero),
                ("Last_Name", "Schmidt"), ("Mailing_City", "paris"), ("Email_Opt_Out", true), ("Date_of_Birth", new DateOnly(1985, 6, 29)), ("Owner", d.U2));
            Insert(s, Contacts, d.C3, new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero),
                ("Last_Name", "Smith"), ("First_Name", "Zoë"), ("Email", "z@smith.org"), ("Mailing_City", "Berlin"), ("Owner", d.U1));
        });
        return d;
    }

    private static string Leaf(string field, string comparator, string valueJson) =>
        $$"""{"api_name":"{{field}}","comparator":"{{comparator}}","value":{{valueJson}}}""";

    private static string Text(string value) => $"\"{value}\"";

    [Fact]
    public async Task Without_criteria_every_record_is_exported_in_id_order()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C1, d.C2, d.C3, d.C4, d.C5], await MatchAsync(store, Contacts, null));
        Assert.Equal([d.A1, d.A2], await MatchAsync(store, Accounts, null));
        Assert.Empty(await MatchAsync(store, Pipelines, null));
    }

    [Fact]
    public async Task Rows_hold_the_typed_values_of_the_columns_then_the_id()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);
        var catalog = await store.GetCatalogAsync();
        var columns = Columns(catalog, Contacts,
            "Last_Name", "Full_Name", "Email_Opt_Out", "Date_of_Birth", "Created_Time", "Account_Name", "Owner", "Mailing_City", "Email");

        var rows = await ExportRowsAsync(store, new ExportQuery(Contacts, columns, Parse(catalog, Contacts, Leaf("Last_Name", "equal", Text("boyle"))), 0, 10));

        Assert.Equal(2, rows.Count);
        Assert.Equal(
            ["Boyle", "Ann Boyle", true, new DateOnly(1990, 1, 15), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), d.A1, d.U1, "Paris", "ann@boyle.com", d.C1],
            rows[0]);
        Assert.Equal(
            ["boyle", "boyle", false, new DateOnly(1985, 6, 30), new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), d.A2, d.U2, string.Empty, null, d.C2],
            rows[1]);
    }

    [Fact]
    public async Task Money_keeps_its_cents_in_export_rows()
    {
        var store = await NewOrgAsync();
        var deal = NewId();
        await SeedAsync(store, s => Insert(s, Pipelines, deal, ("Deal_Name", "Big"), ("Amount", 12_345_678_901_234.56m), ("Probability", 35m)));
        var catalog = await store.GetCatalogAsync();

        var row = Assert.Single(await ExportRowsAsync(store, new ExportQuery(Pipelines, Columns(catalog, Pipelines, "Amount", "Probability"), null, 0, 10)));

        Assert.Equal(12_345_678_901_234.56m, Assert.IsType<decimal>(row[0]));
        Assert.Equal(35m, Assert.IsType<decimal>(row[1]));
        Assert.Equal(deal, row[2]);
    }
}
