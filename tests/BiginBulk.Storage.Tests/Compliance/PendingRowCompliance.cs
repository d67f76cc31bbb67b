using System.Data.Common;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Tests.PostgreSql;
using BiginBulk.Storage.Tests.Sqlite;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>
/// Rows inserted earlier in the same chunk, before it commits: an engine may buffer them (PostgreSQL copies them
/// in at commit), but every later row of the chunk must see them exactly as if they were stored — found by value
/// ignoring case, counted, read back, updated, checked for uniqueness, with Full_Name computed.
/// </summary>
public abstract class PendingRowCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    private static readonly ModuleDefinition Contacts = StandardModules.Contacts;
    private static readonly ModuleDefinition Accounts = StandardModules.Accounts;
    private static readonly DateTimeOffset T1 = T0.AddDays(1);
    private const long Editor = 5_725_767_000_000_000_002;

    [Fact]
    public async Task Rows_of_the_chunk_are_found_ignoring_case_counted_and_read_back()
    {
        var store = await NewOrgAsync();
        var stored = NewId();
        await SeedAsync(store, s => Insert(s, Accounts, stored, ("Account_Name", "Twin")));
        var first = NewId();
        var second = NewId();
        var solo = NewId();
        var name = Field(Accounts, "Account_Name");

        using (var chunk = await BeginChunkAsync(store))
        {
            var r = chunk.Records;
            Insert(r, Accounts, solo, ("Account_Name", "Solo Ltd"), ("Phone", "+1 555"));
            Assert.True(r.Exists(Accounts, solo));
            Assert.False(r.Exists(Contacts, solo));
            Assert.Equal((1, solo), r.FindByValue(Accounts, name, "SOLO ltd"));
            Assert.Equal("+1 555", r.GetValue(Accounts, solo, Field(Accounts, "Phone")));
            Assert.Null(r.GetValue(Accounts, solo, Field(Accounts, "Website")));
            Assert.Equal(AuditUser, r.GetValue(Accounts, solo, Field(Accounts, "Created_By")));
            Assert.Equal(T0, r.GetValue(Accounts, solo, Field(Accounts, "Modified_Time")));

            Insert(r, Accounts, first, ("Account_Name", "TWIN"));
            Insert(r, Accounts, second, ("Account_Name", "twin"));
            Assert.Equal((2, stored), r.FindByValue(Accounts, name, "tWiN"));
            Assert.Equal(stored, r.FindIdByValue(Accounts, name, "Twin"));
            Assert.Equal((0, (long?)null), r.FindByValue(Accounts, name, "Twin "));
            await CommitAsync(chunk);
        }

        Assert.Equal("Solo Ltd", (await store.GetRecordAsync(Accounts, solo))!["Account_Name"]);
        Assert.Equal("TWIN", (await store.GetRecordAsync(Accounts, first))!["Account_Name"]);
        Assert.Equal("twin", (await store.GetRecordAsync(Accounts, second))!["Account_Name"]);
    }

    [Fact]
    public async Task Among_rows_of_the_chunk_alone_the_oldest_id_is_found()
    {
        var store = await NewOrgAsync();
        var older = NewId();
        var newer = NewId();
        var name = Field(Accounts, "Account_Name");

        using var chunk = await BeginChunkAsync(store);
        Insert(chunk.Records, Accounts, newer, ("Account_Name", "Same"));
        Insert(chunk.Records, Accounts, older, ("Account_Name", "SAME"));
        Assert.Equal((2, Math.Min(older, newer)), chunk.Records.FindByValue(Accounts, name, "same"));
    }

    [Fact]
    public async Task An_update_of_a_row_of_the_chunk_merges_and_keeps_the_created_audit_fields()
    {
        var store = await NewOrgAsync();
        var contacts = await TestFields.AddEveryTypeToContactsAsync(store);
        var id = NewId();
        var email = Field(contacts, "Email");

        using (var chunk = await BeginChunkAsync(store))
        {
            var r = chunk.Records;
            Insert(r, contacts, id, ("Last_Name", "Boyle"), ("Email", "ann@example.com"), ("Phone", "123"), ("Visits", 3L));
            r.Update(contacts, id, Values(contacts, ("Email", "New@Example.com"), ("Phone", null), ("Budget", 10.25m)), new RecordAudit(Editor, T1));

            Assert.Null(r.FindIdByValue(contacts, email, "ann@example.com"));
            Assert.Equal(id, r.FindIdByValue(contacts, email, "new@example.COM"));
            Assert.Null(r.GetValue(contacts, id, Field(contacts, "Phone")));
            Assert.Equal(10.25m, r.GetValue(contacts, id, Field(contacts, "Budget")));
            Assert.Equal(3L, r.GetValue(contacts, id, Field(contacts, "Visits")));
            Assert.Equal(Editor, r.GetValue(contacts, id, Field(contacts, "Modified_By")));
            Assert.Equal(AuditUser, r.GetValue(contacts, id, Field(contacts, "Created_By")));
            await CommitAsync(chunk);
        }

        var record = (await store.GetRecordAsync(contacts, id))!;
        Assert.Equal("Boyle", record["Last_Name"]);
        Assert.Equal("New@Example.com", record["Email"]);
        Assert.Null(record["Phone"]);
        Assert.Equal(10.25m, record["Budget"]);
        Assert.Equal(3L, record["Visits"]);
        Assert.Equal(AuditUser, record["Created_By"]);
        Assert.Equal(T0, record["Created_Time"]);
        Assert.Equal(Editor, record["Modified_By"]);
        Assert.Equal(T1, record["Modified_Time"]);
    }

    [Fact]
    public async Task A_duplicate_unique_value_within_one_chunk_is_found_and_refused()
    {
        var store = await NewOrgAsync();
        var contacts = await TestFields.AddEveryTypeToContactsAsync(store);
        var id = NewId();

        using (var chunk = await BeginChunkAsync(store))
        {
            var r = chunk.Records;
            Insert(r, contacts, id, ("Last_Name", "A"), ("Email", "ann@example.com"), ("Member_Code", "m-1"));
            Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Email"), "ANN@EXAMPLE.COM"));
            Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Member_Code"), "M-1"));
            Assert.ThrowsAny<DbException>(() => Insert(r, contacts, NewId(), ("Last_Name", "B"), ("Member_Code", "M-1")));
        }

        // The failed chunk rolled back, the row before the duplicate too.
        Assert.Null(await store.GetRecordAsync(contacts, id));
    }

    [Fact]
    public async Task An_update_onto_a_unique_value_of_a_row_of_the_chunk_is_refused()
    {
        var store = await NewOrgAsync();
        var stored = NewId();
        await SeedAsync(store, s => Insert(s, Contacts, stored, ("Last_Name", "Old"), ("Email", "old@example.com")));

        using var chunk = await BeginChunkAsync(store);
        var pending = NewId();
        Insert(chunk.Records, Contacts, pending, ("Last_Name", "New"), ("Email", "new@example.com"));
        Assert.ThrowsAny<DbException>(() => chunk.Records.Update(Contacts, stored, Values(Contacts, ("Email", "NEW@example.com")), new RecordAudit(Editor, T1)));
    }

    [Fact]
    public async Task The_full_name_of_a_contact_of_the_chunk_is_computed_and_found()
    {
        var store = await NewOrgAsync();
        var ann = NewId();
        var bare = NewId();
        var fullName = Field(Contacts, "Full_Name");

        using (var chunk = await BeginChunkAsync(store))
        {
            var r = chunk.Records;
            Insert(r, Contacts, ann, ("First_Name", "Ann"), ("Last_Name", "Boyle"));
            Insert(r, Contacts, bare, ("Last_Name", "Boyle"));
            Assert.Equal("Ann Boyle", r.GetValue(Contacts, ann, fullName));
            Assert.Equal("Boyle", r.GetValue(Contacts, bare, fullName));
            Assert.Equal((1, ann), r.FindByValue(Contacts, fullName, "ann BOYLE"));
            Assert.Equal((1, bare), r.FindByValue(Contacts, fullName, "boyle"));

            r.Update(Contacts, ann, Values(Contacts, ("First_Name", "Anne")), new RecordAudit(Editor, T1));
            Assert.Equal((0, (long?)null), r.FindByValue(Contacts, fullName, "Ann Boyle"));
            Assert.Equal((1, ann), r.FindByValue(Contacts, fullName, "anne boyle"));
            await CommitAsync(chunk);
        }

        Assert.Equal("Anne Boyle", (await store.GetRecordAsync(Contacts, ann))!["Full_Name"]);
        Assert.Equal("Boyle", (await store.GetRecordAsync(Contacts, bare))!["Full_Name"]);
    }

    [Fact]
    public async Task Typed_and_non_ascii_values_of_rows_of_the_chunk_are_found_by_value()
    {
        var store = await NewOrgAsync();
        var contacts = await TestFields.AddEveryTypeToContactsAsync(store);
        var id = NewId();
        var account = NewId();

        using var chunk = await BeginChunkAsync(store);
        var r = chunk.Records;
        Insert(r, contacts, id,
            ("Last_Name", "Zoë Ünicode"), ("Account_Name", account), ("Budget", 100.50m), ("Visits", 42L), ("Renewal", new DateOnly(2025, 1, 31)),
            ("Last_Seen", new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero)), ("VIP", true), ("Tags", new[] { "Red", "Blue" }));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Last_Name"), "Zoë Ünicode"));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Last_Name"), "ZOë ÜNICODE"));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Account_Name"), account));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Budget"), 100.5m));
        Assert.Null(r.FindIdByValue(contacts, Field(contacts, "Budget"), 100.51m));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Visits"), 42L));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Renewal"), new DateOnly(2025, 1, 31)));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "Last_Seen"), new DateTimeOffset(2024, 1, 1, 17, 30, 0, TimeSpan.FromHours(5.5))));
        Assert.Equal(id, r.FindIdByValue(contacts, Field(contacts, "id"), id));
        Assert.Equal(new[] { "Red", "Blue" }, r.GetValue(contacts, id, Field(contacts, "Tags")));
        Assert.Equal(true, r.GetValue(contacts, id, Field(contacts, "VIP")));
        Assert.Equal(new DateOnly(2025, 1, 31), r.GetValue(contacts, id, Field(contacts, "Renewal")));
    }

    [Fact]
    public async Task Rows_of_one_chunk_with_different_fields_are_all_stored()
    {
        var store = await NewOrgAsync();
        var ids = Enumerable.Range(0, 50).Select(_ => NewId()).ToArray();

        using (var chunk = await BeginChunkAsync(store))
        {
            for (var i = 0; i < ids.Length; i++)
            {
                if (i % 2 == 0)
                {
                    Insert(chunk.Records, Contacts, ids[i], ("Last_Name", $"Even {i}"), ("Email", $"e{i}@example.com"));
                }
                else
                {
                    Insert(chunk.Records, Contacts, ids[i], ("Last_Name", $"Odd {i}"), ("Phone", $"{i}"));
                }
            }

            await CommitAsync(chunk);
        }

        Assert.Equal(50, (await store.ListRecordsAsync(Contacts, 0, 100)).Records.Count);
        var even = (await store.GetRecordAsync(Contacts, ids[10]))!;
        Assert.Equal("e10@example.com", even["Email"]);
        Assert.Null(even["Phone"]);
        var odd = (await store.GetRecordAsync(Contacts, ids[11]))!;
        Assert.Equal("11", odd["Phone"]);
        Assert.Null(odd["Email"]);
    }
}

// This concern's engine subclasses live beside it (the engine files list the older concerns, one line each).
public sealed class SqlitePendingRowCompliance(SqliteStoreEngine engine) : PendingRowCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class PostgreSqlPendingRowCompliance(PostgreSqlStoreEngine engine) : PendingRowCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;
