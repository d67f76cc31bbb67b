using System.Data.Common;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Tests.PostgreSql;
using BiginBulk.Storage.Tests.Sqlite;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>
/// Updates of stored records within one chunk, before it commits: an engine may buffer them (PostgreSQL copies
/// them into a staging table and updates set-based at commit), but every later row of the chunk must see them
/// exactly as if they were applied one by one, and a chunk that never commits must leave the records as they were.
/// </summary>
public abstract class BufferedUpdateCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    private static readonly ModuleDefinition Contacts = StandardModules.Contacts;
    private static readonly DateTimeOffset T1 = T0.AddDays(1);
    private static readonly DateTimeOffset T2 = T0.AddDays(2);
    private const long Editor = 5_725_767_000_000_000_002;
    private const long Other = 5_725_767_000_000_000_003;

    [Fact]
    public async Task Two_updates_of_one_stored_record_in_one_chunk_merge_later_values_winning_per_field()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        await SeedAsync(store, s => Insert(s, Contacts, id, ("Last_Name", "Boyle"), ("Email", "ann@example.com"), ("Title", "Engineer"), ("Phone", "123")));

        using (var chunk = await BeginChunkAsync(store))
        {
            var r = chunk.Records;
            r.Update(Contacts, id, Values(Contacts, ("Title", "Manager"), ("Phone", "456")), new RecordAudit(Editor, T1));
            r.Update(Contacts, id, Values(Contacts, ("Title", "Director"), ("Last_Name", "Doyle")), new RecordAudit(Other, T2));
            Assert.Equal("Director", r.GetValue(Contacts, id, Field(Contacts, "Title")));
            Assert.Equal("456", r.GetValue(Contacts, id, Field(Contacts, "Phone")));
            Assert.Equal("Doyle", r.GetValue(Contacts, id, Field(Contacts, "Last_Name")));
            Assert.Equal(Other, r.GetValue(Contacts, id, Field(Contacts, "Modified_By")));
            Assert.Equal(T2, r.GetValue(Contacts, id, Field(Contacts, "Modified_Time")));
            Assert.Equal(AuditUser, r.GetValue(Contacts, id, Field(Contacts, "Created_By")));
            await CommitAsync(chunk);
        }

        var record = (await store.GetRecordAsync(Contacts, id))!;
        Assert.Equal("Director", record["Title"]);
        Assert.Equal("456", record["Phone"]);
        Assert.Equal("Doyle", record["Last_Name"]);
        Assert.Equal("ann@example.com", record["Email"]);
        Assert.Equal("Doyle", record["Full_Name"]);
        Assert.Equal(AuditUser, record["Created_By"]);
        Assert.Equal(T0, record["Created_Time"]);
        Assert.Equal(Other, record["Modified_By"]);
        Assert.Equal(T2, record["Modified_Time"]);
    }

    [Fact]
    public async Task A_find_after_an_update_of_the_looked_up_field_sees_the_new_value()
    {
        var store = await NewOrgAsync();
        var ann = NewId();
        var bob = NewId();
        await SeedAsync(store, s =>
        {
            Insert(s, Contacts, ann, ("First_Name", "Ann"), ("Last_Name", "Boyle"), ("Email", "ann@example.com"), ("Title", "Engineer"));
            Insert(s, Contacts, bob, ("Last_Name", "Stone"), ("Email", "bob@example.com"), ("Title", "Engineer"));
        });
        var email = Field(Contacts, "Email");
        var title = Field(Contacts, "Title");

        using (var chunk = await BeginChunkAsync(store))
        {
            var r = chunk.Records;
            Assert.Equal((2, Math.Min(ann, bob)), r.FindByValue(Contacts, title, "engineer"));
            r.Update(Contacts, ann, Values(Contacts, ("Email", "Anne@Example.com"), ("Title", "Manager")), new RecordAudit(Editor, T1));
            Assert.Null(r.FindIdByValue(Contacts, email, "ann@example.com"));
            Assert.Equal(ann, r.FindIdByValue(Contacts, email, "anne@EXAMPLE.com"));
            Assert.Equal(bob, r.FindIdByValue(Contacts, email, "BOB@example.com"));
            Assert.Equal((1, bob), r.FindByValue(Contacts, title, "ENGINEER"));
            Assert.Equal((1, ann), r.FindByValue(Contacts, title, "manager"));

            // The email freed by the update is free for another record in the same chunk.
            r.Update(Contacts, bob, Values(Contacts, ("Email", "ann@example.com")), new RecordAudit(Editor, T1));
            Assert.Equal(bob, r.FindIdByValue(Contacts, email, "Ann@example.com"));

            r.Update(Contacts, ann, Values(Contacts, ("First_Name", "Annie")), new RecordAudit(Editor, T1));
            Assert.Equal((1, ann), r.FindByValue(Contacts, Field(Contacts, "Full_Name"), "annie boyle"));
            Assert.Equal("Annie Boyle", r.GetValue(Contacts, ann, Field(Contacts, "Full_Name")));
            await CommitAsync(chunk);
        }

        Assert.Equal("Anne@Example.com", (await store.GetRecordAsync(Contacts, ann))!["Email"]);
        Assert.Equal("ann@example.com", (await store.GetRecordAsync(Contacts, bob))!["Email"]);
        Assert.Equal("Annie Boyle", (await store.GetRecordAsync(Contacts, ann))!["Full_Name"]);
    }

    [Fact]
    public async Task An_update_onto_another_records_unique_value_fails_at_that_row()
    {
        var store = await NewOrgAsync();
        var ann = NewId();
        var bob = NewId();
        await SeedAsync(store, s =>
        {
            Insert(s, Contacts, ann, ("Last_Name", "Boyle"), ("Email", "ann@example.com"));
            Insert(s, Contacts, bob, ("Last_Name", "Stone"), ("Email", "bob@example.com"));
        });

        using (var chunk = await BeginChunkAsync(store))
        {
            var r = chunk.Records;
            r.Update(Contacts, ann, Values(Contacts, ("Title", "Manager")), new RecordAudit(Editor, T1));
            Assert.ThrowsAny<DbException>(() => r.Update(Contacts, bob, Values(Contacts, ("Email", "ANN@example.com")), new RecordAudit(Editor, T1)));
        }

        // The failed chunk rolled back, the update before the duplicate too.
        Assert.Null((await store.GetRecordAsync(Contacts, ann))!["Title"]);
        Assert.Equal("bob@example.com", (await store.GetRecordAsync(Contacts, bob))!["Email"]);
    }

    [Fact]
    public async Task A_chunk_disposed_without_commit_leaves_the_stored_record_unchanged()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        await SeedAsync(store, s => Insert(s, Contacts, id, ("Last_Name", "Boyle"), ("Email", "ann@example.com"), ("Title", "Engineer")));

        using (var chunk = await BeginChunkAsync(store))
        {
            chunk.Records.Update(Contacts, id, Values(Contacts, ("Title", "Manager"), ("Email", "new@example.com")), new RecordAudit(Editor, T1));
            Assert.Equal("Manager", chunk.Records.GetValue(Contacts, id, Field(Contacts, "Title")));
        }

        var record = (await store.GetRecordAsync(Contacts, id))!;
        Assert.Equal("Engineer", record["Title"]);
        Assert.Equal("ann@example.com", record["Email"]);
        Assert.Equal(AuditUser, record["Modified_By"]);
        Assert.Equal(T0, record["Modified_Time"]);
    }
}

// This concern's engine subclasses live beside it (the engine files list the older concerns, one line each).
public sealed class SqliteBufferedUpdateCompliance(SqliteStoreEngine engine) : BufferedUpdateCompliance(engine), IClassFixture<SqliteStoreEngine>;

public sealed class PostgreSqlBufferedUpdateCompliance(PostgreSqlStoreEngine engine) : BufferedUpdateCompliance(engine), IClassFixture<PostgreSqlStoreEngine>;
