using System.Data.Common;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>
/// <see cref="IRecordSession"/>: typed values in and out, lookups by value (case-insensitive for text, capped
/// count, oldest id), partial updates, and unique fields enforced by the database itself.
/// </summary>
public abstract class RecordSessionCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    private static readonly ModuleDefinition Contacts = StandardModules.Contacts;
    private static readonly ModuleDefinition Accounts = StandardModules.Accounts;
    private static readonly ModuleDefinition Pipelines = StandardModules.Pipelines;
    private static readonly ModuleDefinition Products = StandardModules.Products;
    private static readonly ModuleDefinition Events = StandardModules.Events;

    [Fact]
    public async Task Every_field_type_round_trips_exactly()
    {
        var store = await NewOrgAsync();
        var contacts = await TestFields.AddEveryTypeToContactsAsync(store);
        var id = NewId();
        (string Field, object? Value)[] values =
        [
            ("Owner", 5_725_767_000_000_012_345L),
            ("First_Name", "Zoë 🚀"),
            ("Last_Name", "O'Brien \"The\" Ünicode"),
            ("Account_Name", 9_223_372_036_854_775_806L),
            ("Email", "Zoe.OBrien@Example.com"),
            ("Phone", "+49 (30) 1234-567"),
            ("Description", "line one\nline two\r\n\ttabbed;semi,comma"),
            ("Email_Opt_Out", true),
            ("Lead_Source", "Cold Call"),
            ("Date_of_Birth", new DateOnly(1969, 7, 20)),
            ("Tags", new[] { "Red", "Light Blue" }),
            ("Score", 1_234_567_890_123.456m),
            ("Budget", 12_345_678_901_234.56m),
            ("Discount", -12.5m),
            ("Visits", 999_999_999L),
            ("Last_Seen", new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(5.5))),
            ("Renewal", new DateOnly(2099, 12, 31)),
            ("VIP", false),
            ("Partner", 5_725_767_000_000_000_777L),
            ("Homepage", "https://example.com/a?b=c&d=%20e"),
            ("Notes", new string('x', 32_000)),
            ("Member_Code", "M-0001"),
        ];

        using (var chunk = await BeginChunkAsync(store))
        {
            Insert(chunk.Records, contacts, id, values);
            foreach (var (field, value) in values)
            {
                AssertSameValue(field, value, chunk.Records.GetValue(contacts, id, Field(contacts, field)));
            }

            await CommitAsync(chunk);
        }

        var record = (await store.GetRecordAsync(contacts, id))!;
        foreach (var (field, value) in values)
        {
            AssertSameValue(field, value, record[field]);
        }

        Assert.IsType<string[]>(record["Tags"]);
        Assert.IsType<decimal>(record["Budget"]);
        Assert.IsType<DateOnly>(record["Date_of_Birth"]);
        Assert.IsType<DateTimeOffset>(record["Last_Seen"]);
        Assert.IsType<bool>(record["VIP"]);
        Assert.IsType<long>(record["Visits"]);
        Assert.IsType<long>(record["Account_Name"]);
        Assert.Equal(id, record["id"]);
    }

    [Fact]
    public async Task Standard_numeric_and_datetime_fields_round_trip_exactly()
    {
        var store = await NewOrgAsync();
        var deal = NewId();
        var product = NewId();
        var account = NewId();
        var meeting = NewId();
        await SeedAsync(store, s =>
        {
            Insert(s, Pipelines, deal, ("Deal_Name", "Big"), ("Amount", 99_999_999_999_999.99m), ("Probability", 100m), ("Closing_Date", new DateOnly(2024, 2, 29)));
            Insert(s, Products, product, ("Product_Name", "Widget"), ("Unit_Price", -0.01m), ("Qty_in_Stock", -2_147_483_648L), ("Product_Active", true));
            Insert(s, Accounts, account, ("Account_Name", "Acme"), ("Website", "https://acme.example"), ("Phone", "0"));
            Insert(s, Events, meeting, ("Event_Title", "Kick-off"),
                ("Start_DateTime", new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.FromHours(-8))),
                ("End_DateTime", new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero)), ("All_day", false));
        });

        var d = (await store.GetRecordAsync(Pipelines, deal))!;
        Assert.Equal(99_999_999_999_999.99m, d["Amount"]);
        Assert.Equal(100m, d["Probability"]);
        Assert.Equal(new DateOnly(2024, 2, 29), d["Closing_Date"]);
        var p = (await store.GetRecordAsync(Products, product))!;
        Assert.Equal(-0.01m, p["Unit_Price"]);
        Assert.Equal(-2_147_483_648L, p["Qty_in_Stock"]);
        Assert.Equal(true, p["Product_Active"]);
        Assert.Equal("https://acme.example", (await store.GetRecordAsync(Accounts, account))!["Website"]);
        var e = (await store.GetRecordAsync(Events, meeting))!;
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 7, 0, 0, TimeSpan.Zero), e["Start_DateTime"]);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero), e["End_DateTime"]);
        Assert.Equal(false, e["All_day"]);
    }

    [Fact]
    public async Task Datetimes_and_audit_times_are_kept_to_the_second()
    {
        var store = await NewOrgAsync();
        var contacts = await TestFields.AddEveryTypeToContactsAsync(store);
        var id = NewId();
        var written = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(5.5)).AddMilliseconds(987);
        var audit = T0.AddMilliseconds(999);
        await SeedAsync(store, s => Insert(s, contacts, id, audit, ("Last_Name", "Boyle"), ("Last_Seen", written)));

        var record = (await store.GetRecordAsync(contacts, id))!;

        Assert.Equal(written.AddMilliseconds(-987), record["Last_Seen"]);
        Assert.Equal(T0, record["Created_Time"]);
        Assert.Equal(T0, record["Modified_Time"]);
        Assert.Equal(AuditUser, record["Created_By"]);
        Assert.Equal(AuditUser, record["Modified_By"]);
    }

    [Fact]
    public async Task Update_sets_the_given_fields_clears_nulls_and_keeps_the_rest()
    {
        var store = await NewOrgAsync();
        var contacts = await TestFields.AddEveryTypeToContactsAsync(store);
        var id = NewId();
        await SeedAsync(store, s => Insert(s, contacts, id,
            ("Last_Name", "Boyle"), ("First_Name", "Ann"), ("Title", "CEO"), ("Budget", 10m), ("Tags", new[] { "Red" })));
        const long editor = 5_725_767_000_000_000_999;

        using (var chunk = await BeginChunkAsync(store))
        {
            chunk.Records.Update(contacts, id, Values(contacts, ("Title", null), ("Budget", 20.25m), ("Tags", new[] { "Green", "Blue" })),
                new RecordAudit(editor, T0.AddDays(1)));
            Assert.Null(chunk.Records.GetValue(contacts, id, Field(contacts, "Title")));
            await CommitAsync(chunk);
        }

        var record = (await store.GetRecordAsync(contacts, id))!;
        Assert.Null(record["Title"]);
        Assert.Equal(20.25m, record["Budget"]);
        Assert.Equal(["Green", "Blue"], (string[])record["Tags"]!);
        Assert.Equal("Boyle", record["Last_Name"]);
        Assert.Equal("Ann", record["First_Name"]);
        Assert.Equal(AuditUser, record["Created_By"]);
        Assert.Equal(T0, record["Created_Time"]);
        Assert.Equal(editor, record["Modified_By"]);
        Assert.Equal(T0.AddDays(1), record["Modified_Time"]);
    }

    [Fact]
    public async Task Text_values_are_found_ignoring_case()
    {
        var store = await NewOrgAsync();
        var contacts = await TestFields.AddEveryTypeToContactsAsync(store);
        var contact = NewId();
        var account = NewId();
        await SeedAsync(store, s =>
        {
            Insert(s, contacts, contact, ("Last_Name", "Boyle"), ("Email", "Ann@Example.com"), ("Lead_Source", "Cold Call"), ("Member_Code", "ab-1"));
            Insert(s, Accounts, account, ("Account_Name", "Acme GmbH"));
        });

        using var chunk = await BeginChunkAsync(store);
        var records = chunk.Records;
        Assert.Equal(contact, records.FindIdByValue(contacts, Field(contacts, "Email"), "ann@EXAMPLE.COM"));
        Assert.Equal(contact, records.FindIdByValue(contacts, Field(contacts, "Last_Name"), "bOYLE"));
        Assert.Equal(contact, records.FindIdByValue(contacts, Field(contacts, "Lead_Source"), "COLD CALL"));
        Assert.Equal(contact, records.FindIdByValue(contacts, Field(contacts, "Member_Code"), "AB-1"));
        Assert.Equal(account, records.FindIdByValue(Accounts, Field(Accounts, "Account_Name"), "acme gmbh"));
        Assert.Equal((1, account), records.FindByValue(Accounts, Field(Accounts, "Account_Name"), "ACME GMBH"));
    }

    [Fact]
    public async Task Contacts_are_found_by_full_name_ignoring_case()
    {
        // Full_Name is the display field a lookup by name (Contact_Name.Full_Name) matches.
        var store = await NewOrgAsync();
        var id = NewId();
        await SeedAsync(store, s => Insert(s, Contacts, id, ("First_Name", "Ann"), ("Last_Name", "Boyle")));

        using var chunk = await BeginChunkAsync(store);
        Assert.Equal((1, id), chunk.Records.FindByValue(Contacts, Field(Contacts, "Full_Name"), "Ann Boyle"));
        Assert.Equal((1, id), chunk.Records.FindByValue(Contacts, Field(Contacts, "Full_Name"), "ann boyle"));
    }

    [Fact]
    public async Task Text_must_match_the_whole_value_and_wildcards_are_literal()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        await SeedAsync(store, s => Insert(s, Contacts, id, ("Last_Name", "Boyle"), ("Email", "ann@example.com")));

        using var chunk = await BeginChunkAsync(store);
        var email = Field(Contacts, "Email");
        Assert.Null(chunk.Records.FindIdByValue(Contacts, email, "ann@example"));
        Assert.Null(chunk.Records.FindIdByValue(Contacts, email, "ann@example.com "));
        Assert.Null(chunk.Records.FindIdByValue(Contacts, email, "%@example.com"));
        Assert.Null(chunk.Records.FindIdByValue(Contacts, Field(Contacts, "Last_Name"), "B_yle"));
    }

    [Fact]
    public async Task FindByValue_counts_none_one_and_caps_many_at_two_with_the_oldest_id()
    {
        var store = await NewOrgAsync();
        var ids = Enumerable.Range(0, 4).Select(_ => NewId()).ToArray();
        await SeedAsync(store, s =>
        {
            Insert(s, Accounts, ids[0], ("Account_Name", "Solo"));
            Insert(s, Accounts, ids[1], ("Account_Name", "Twin"));
            Insert(s, Accounts, ids[2], ("Account_Name", "TWIN"));
            Insert(s, Accounts, ids[3], ("Account_Name", "twin"));
        });

        using var chunk = await BeginChunkAsync(store);
        var name = Field(Accounts, "Account_Name");
        Assert.Equal((0, (long?)null), chunk.Records.FindByValue(Accounts, name, "Nobody"));
        Assert.Equal((1, ids[0]), chunk.Records.FindByValue(Accounts, name, "solo"));
        Assert.Equal((2, ids[1]), chunk.Records.FindByValue(Accounts, name, "Twin"));
        Assert.Equal(ids[1], chunk.Records.FindIdByValue(Accounts, name, "tWiN"));
    }

    [Fact]
    public async Task Typed_values_are_found_by_value()
    {
        var store = await NewOrgAsync();
        var contacts = await TestFields.AddEveryTypeToContactsAsync(store);
        var id = NewId();
        var account = NewId();
        await SeedAsync(store, s => Insert(s, contacts, id,
            ("Last_Name", "Boyle"), ("Account_Name", account), ("Budget", 100.50m), ("Visits", 42L), ("Renewal", new DateOnly(2025, 1, 31)),
            ("Last_Seen", new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero))));

        using var chunk = await BeginChunkAsync(store);
        var r = chunk.Records;
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Account_Name"), account));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Budget"), 100.5m));
        Assert.Null(r.FindIdByValue(contacts, Field(contacts, "Budget"), 100.51m));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Visits"), 42L));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Renewal"), new DateOnly(2025, 1, 31)));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Last_Seen"), new DateTimeOffset(2024, 1, 1, 17, 30, 0, TimeSpan.FromHours(5.5))));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "id"), id));
        Assert.Null(r.FindIdByValue(contacts, Field(contacts, "id"), NewId()));
    }

    [Fact]
    public async Task A_session_sees_its_own_earlier_rows()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        using var chunk = await BeginChunkAsync(store);
        var r = chunk.Records;

        Assert.False(r.Exists(Contacts, id));
        Insert(r, Contacts, id, ("Last_Name", "Boyle"), ("Email", "ann@example.com"));
        Assert.True(r.Exists(Contacts, id));
        Assert.Equal((1, id), r.FindByValue(Contacts, Field(Contacts, "Email"), "ANN@example.com"));
        r.Update(Contacts, id, Values(Contacts, ("Email", "new@example.com")), new RecordAudit(AuditUser, T0));
        Assert.Null(r.FindIdByValue(Contacts, Field(Contacts, "Email"), "ann@example.com"));
        Assert.Equal("new@example.com", r.GetValue(Contacts, id, Field(Contacts, "Email")));
        Assert.False(r.Exists(Accounts, id));
    }

    [Fact]
    public async Task Missing_records_and_empty_fields_read_as_null()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        await SeedAsync(store, s => Insert(s, Contacts, id, ("Last_Name", "Boyle")));

        var missing = NewId();
        using var chunk = await BeginChunkAsync(store);
        Assert.Null(chunk.Records.GetValue(Contacts, id, Field(Contacts, "Email")));
        Assert.Null(chunk.Records.GetValue(Contacts, id, Field(Contacts, "Email_Opt_Out")));
        Assert.Null(chunk.Records.GetValue(Contacts, missing, Field(Contacts, "Last_Name")));
        Assert.False(chunk.Records.Exists(Contacts, missing));
        Assert.Null(await store.GetRecordAsync(Contacts, missing));
    }

    [Fact]
    public async Task A_second_record_with_the_same_email_in_another_case_is_refused_by_the_database()
    {
        var store = await NewOrgAsync();
        await SeedAsync(store, s => Insert(s, Contacts, NewId(), ("Last_Name", "Boyle"), ("Email", "ann@example.com")));

        using var chunk = await BeginChunkAsync(store);
        Assert.ThrowsAny<DbException>(() => Insert(chunk.Records, Contacts, NewId(), ("Last_Name", "Other"), ("Email", "ANN@Example.COM")));
    }

    [Fact]
    public async Task Unique_fields_allow_many_empty_values()
    {
        var store = await NewOrgAsync();
        var ids = Enumerable.Range(0, 3).Select(_ => NewId()).ToArray();
        await SeedAsync(store, s =>
        {
            foreach (var id in ids)
            {
                Insert(s, Contacts, id, ("Last_Name", "NoEmail"), ("Email", null));
            }
        });

        Assert.Equal(3, (await store.ListRecordsAsync(Contacts, 0, 10)).Records.Count);
    }

    [Fact]
    public async Task An_update_onto_a_taken_unique_value_is_refused()
    {
        var store = await NewOrgAsync();
        var second = NewId();
        await SeedAsync(store, s =>
        {
            Insert(s, Products, NewId(), ("Product_Name", "Widget"));
            Insert(s, Products, second, ("Product_Name", "Gadget"));
        });

        using (var chunk = await BeginChunkAsync(store))
        {
            Assert.ThrowsAny<DbException>(() => chunk.Records.Update(Products, second, Values(Products, ("Product_Name", "WIDGET")), new RecordAudit(AuditUser, T0)));
        }

        Assert.Equal("Gadget", (await store.GetRecordAsync(Products, second))!["Product_Name"]);
    }

    [Fact]
    public async Task A_unique_custom_field_is_enforced_ignoring_case()
    {
        var store = await NewOrgAsync();
        var contacts = await TestFields.AddEveryTypeToContactsAsync(store);
        await SeedAsync(store, s => Insert(s, contacts, NewId(), ("Last_Name", "A"), ("Member_Code", "abc")));

        using var chunk = await BeginChunkAsync(store);
        Assert.ThrowsAny<DbException>(() => Insert(chunk.Records, contacts, NewId(), ("Last_Name", "B"), ("Member_Code", "ABC")));
    }

    [Fact]
    public async Task Records_of_one_org_are_invisible_to_another()
    {
        var first = await NewOrgAsync();
        var second = await NewOrgAsync();
        var id = NewId();
        await SeedAsync(first, s => Insert(s, Contacts, id, ("Last_Name", "Boyle"), ("Email", "ann@example.com")));
        // The same id and unique email in another org is a different record, not a conflict.
        await SeedAsync(second, s => Insert(s, Contacts, id, ("Last_Name", "Other"), ("Email", "ann@example.com")));

        Assert.Equal("Boyle", (await first.GetRecordAsync(Contacts, id))!["Last_Name"]);
        Assert.Equal("Other", (await second.GetRecordAsync(Contacts, id))!["Last_Name"]);
        var third = await NewOrgAsync();
        using var chunk = await BeginChunkAsync(third);
        Assert.False(chunk.Records.Exists(Contacts, id));
        Assert.Null(chunk.Records.FindIdByValue(Contacts, Field(Contacts, "Email"), "ann@example.com"));
    }

    private static void AssertSameValue(string field, object? expected, object? actual)
    {
        if (expected is string[] values)
        {
            Assert.Equal(values, Assert.IsType<string[]>(actual));
            return;
        }

        Assert.True(Equals(expected, actual), $"{field}: wrote {Describe(expected)}, read {Describe(actual)}");
        if (expected is not null)
        {
            Assert.IsType(expected.GetType(), actual);
        }
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
}
