using System.Globalization;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Ids;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>
/// <see cref="IWriteChunk.ResolveAsync"/> and <see cref="IWriteChunk.ApplyAsync"/> with Core's
/// <see cref="ChunkDecider"/> between them, as the write worker runs them: the in-file ordering semantics
/// (a row sees the rows before it, oldest wins, case-insensitive keys) hold on every store, across chunks too.
/// </summary>
public abstract class WriteChunkCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    private static readonly ModuleDefinition Contacts = StandardModules.Contacts;
    private static readonly ModuleDefinition Accounts = StandardModules.Accounts;

    [Fact]
    public async Task Resolve_answers_ids_and_case_insensitive_holders_oldest_first()
    {
        var store = await NewOrgAsync();
        var (older, newer, account) = (NewId(), NewId(), NewId());
        await SeedAsync(store, s =>
        {
            Insert(s, Accounts, account, ("Account_Name", "Zylker"));
            Insert(s, Accounts, older, ("Account_Name", "Twins"));
            Insert(s, Accounts, newer, ("Account_Name", "TWINS"));
        });

        var keys = new ChunkKeys();
        keys.AddId(Accounts, account);
        keys.AddId(Accounts, NewId());
        keys.AddValue(Accounts, Field(Accounts, "Account_Name"), "twins");
        keys.AddValue(Accounts, Field(Accounts, "Account_Name"), "zylker");
        using var chunk = await BeginChunkAsync(store);
        var answers = await chunk.ResolveAsync(keys, TestContext.Current.CancellationToken);

        Assert.True(answers.Exists(Accounts, account));
        Assert.False(answers.Exists(Accounts, older + 1_000_000));
        Assert.Equal([older, newer], answers.Holders(Accounts, Field(Accounts, "Account_Name"), "twins"));
        Assert.Equal([account], answers.Holders(Accounts, Field(Accounts, "Account_Name"), "zylker"));
    }

    [Fact]
    public async Task A_stored_accented_value_is_found_by_a_later_chunk_that_spells_it_the_same_way()
    {
        // Upper-case non-ASCII letters: Core folds them, SQLite's NOCASE does not, so the folded key alone
        // would miss the stored value (a lookup by name then failed, and a duplicate reached the unique index).
        var store = await NewOrgAsync();
        var account = NewId();
        await SeedAsync(store, s => Insert(s, Accounts, account, ("Account_Name", "ÉTOILE Société")));
        var first = await RunChunkAsync(store, BulkWriteOperation.Insert, null, [["Zoé", "ZOÉ.ÉCLAIR@example.com"]]);
        var second = await RunChunkAsync(store, BulkWriteOperation.Insert, null, [["Zoé 2", "ZOÉ.ÉCLAIR@example.com"]]);

        Assert.Equal(["ADDED"], first.Select(o => o.StatusName));
        Assert.Equal(["SKIPPED"], second.Select(o => o.StatusName));
        Assert.Equal("DUPLICATE_DATA-Email", second[0].FormatErrors());

        var keys = new ChunkKeys();
        keys.AddValue(Accounts, Field(Accounts, "Account_Name"), "ÉTOILE Société");
        using var chunk = await BeginChunkAsync(store);
        var answers = await chunk.ResolveAsync(keys, TestContext.Current.CancellationToken);
        Assert.Equal([account], answers.Holders(Accounts, Field(Accounts, "Account_Name"), TextKey.Fold("ÉTOILE Société")));
    }

    [Fact]
    public async Task Two_inserts_of_one_new_email_in_one_chunk_store_the_first_and_skip_the_second_as_a_duplicate()
    {
        var store = await NewOrgAsync();
        var outcomes = await RunChunkAsync(store, BulkWriteOperation.Insert, null, [["Ann", "ann@example.com"], ["Ann 2", "ANN@example.com"]]);

        Assert.Equal(["ADDED", "SKIPPED"], outcomes.Select(o => o.StatusName));
        Assert.Equal("DUPLICATE_DATA-Email", outcomes[1].FormatErrors());
        var record = (await store.GetRecordAsync(Contacts, outcomes[0].RecordId!.Value))!;
        Assert.Equal("Ann", record["Last_Name"]);
    }

    [Fact]
    public async Task An_upsert_adds_then_updates_the_same_record_and_the_next_chunk_updates_it_again()
    {
        var store = await NewOrgAsync();
        var first = await RunChunkAsync(store, BulkWriteOperation.Upsert, "Email", [["One", "bo@example.com"], ["Two", "Bo@Example.com"]]);
        var second = await RunChunkAsync(store, BulkWriteOperation.Upsert, "Email", [["Three", "BO@EXAMPLE.COM"]]);

        Assert.Equal(["ADDED", "UPDATED"], first.Select(o => o.StatusName));
        Assert.Equal(["UPDATED"], second.Select(o => o.StatusName));
        var id = first[0].RecordId!.Value;
        Assert.Equal([id, id], [first[1].RecordId!.Value, second[0].RecordId!.Value]);
        var record = (await store.GetRecordAsync(Contacts, id))!;
        Assert.Equal(("Three", "BO@EXAMPLE.COM"), ((string)record["Last_Name"]!, (string)record["Email"]!));
    }

    [Fact]
    public async Task An_email_moved_off_a_stored_record_is_taken_by_a_later_row_of_the_same_chunk()
    {
        var store = await NewOrgAsync();
        var (a, b) = (NewId(), NewId());
        await SeedAsync(store, s =>
        {
            Insert(s, Contacts, a, ("Last_Name", "A"), ("Email", "a@example.com"));
            Insert(s, Contacts, b, ("Last_Name", "B"), ("Email", "b@example.com"));
        });

        // b takes c, a takes b's old value, a new record takes a's old value: a chain the unique index must allow.
        var outcomes = await RunChunkAsync(store, BulkWriteOperation.Upsert, "Id",
            [[b.ToString(CultureInfo.InvariantCulture), "B", "c@example.com"],
             [a.ToString(CultureInfo.InvariantCulture), "A", "B@example.com"],
             ["", "New", "A@EXAMPLE.com"]],
            withId: true);

        Assert.Equal(["UPDATED", "UPDATED", "ADDED"], outcomes.Select(o => o.StatusName));
        Assert.Equal("c@example.com", (await store.GetRecordAsync(Contacts, b))!["Email"]);
        Assert.Equal("B@example.com", (await store.GetRecordAsync(Contacts, a))!["Email"]);
        Assert.Equal("A@EXAMPLE.com", (await store.GetRecordAsync(Contacts, outcomes[2].RecordId!.Value))!["Email"]);
    }

    [Fact]
    public async Task A_lookup_by_a_name_two_records_hold_is_invalid_and_resolve_lists_the_oldest_first()
    {
        var store = await NewOrgAsync();
        var (older, newer) = (NewId(), NewId());
        await SeedAsync(store, s =>
        {
            Insert(s, Accounts, older, ("Account_Name", "Same"));
            Insert(s, Accounts, newer, ("Account_Name", "SAME"));
        });

        var outcomes = await RunChunkAsync(store, BulkWriteOperation.Insert, null, [["Linked", "linked@example.com", "same"]], lookup: true);

        Assert.Equal("INVALID_DATA-Account_Name", outcomes[0].FormatErrors());
        var keys = new ChunkKeys();
        keys.AddValue(Accounts, Field(Accounts, "Account_Name"), "same");
        using var chunk = await BeginChunkAsync(store);
        var answers = await chunk.ResolveAsync(keys, TestContext.Current.CancellationToken);
        Assert.Equal(older, answers.Holders(Accounts, Field(Accounts, "Account_Name"), "same")[0]);
    }

    /// <summary>Runs one chunk of a Contacts job through resolve, decide, apply and commit, as the worker does.</summary>
    private static async Task<IReadOnlyList<RowOutcome>> RunChunkAsync(
        IOrgStore store, BulkWriteOperation operation, string? findBy, string[][] rows, bool withId = false, bool lookup = false)
    {
        string[] headers = [.. (withId ? new[] { "Id" } : []), "Last_Name", "Email", .. (lookup ? new[] { "Account_Name" } : [])];
        var job = new BulkWriteJobDefinition
        {
            Id = NewId(),
            Operation = operation,
            ModuleName = "Contacts",
            ModuleApiName = "Contacts",
            FileId = NewId(),
            FileName = "contacts.csv",
            FindBy = findBy,
            Mappings = [.. headers.Select((h, i) => new FieldMapping { ApiName = h, Index = i, FindBy = h == "Account_Name" ? "Account_Name" : null })],
            Headers = headers,
            CreatedBy = new UserRef(AuditUser, "Ann Lee"),
            CreatedTime = T0,
        };
        var decider = new ChunkDecider(job, Contacts, StandardModules.Find, [(AuditUser, "ann@example.com")], new IdGenerator(), new FieldValueParser());
        var prepared = decider.Prepare(rows.Select((cells, i) => new ChunkRow(i + 1, cells)));
        using var chunk = await BeginChunkAsync(store);
        var ct = TestContext.Current.CancellationToken;
        var decisions = decider.Decide(prepared, await chunk.ResolveAsync(prepared.Keys, ct), new RecordAudit(AuditUser, T0));
        await chunk.ApplyAsync(decisions.Writes, ct);
        await CommitAsync(chunk);
        return decisions.Outcomes;
    }
}
