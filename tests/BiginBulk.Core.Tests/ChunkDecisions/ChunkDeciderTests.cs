using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Ids;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.Tests.ChunkDecisions;

/// <summary>
/// The row decider without a server or a database: the store's answers are built by hand, so each rule
/// (a row sees the rows before it, oldest wins, case folding, merged writes) is pinned on its own.
/// </summary>
public sealed class ChunkDeciderTests
{
    private const long Creator = 5_725_767_000_000_000_001;
    private static readonly ModuleDefinition Contacts = StandardModules.Contacts;
    private static readonly ModuleDefinition Accounts = StandardModules.Accounts;
    private static readonly FieldDefinition Email = Contacts.FindField("Email")!;
    private static readonly FieldDefinition LastName = Contacts.FindField("Last_Name")!;
    private static readonly FieldDefinition AccountName = Accounts.FindField("Account_Name")!;
    private static readonly RecordAudit Audit = new(Creator, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public void A_second_insert_of_a_new_email_in_the_same_chunk_is_a_duplicate_even_in_another_case_with_accents()
    {
        var decider = Decider(BulkWriteOperation.Insert, null, "Last_Name", "Email");
        var chunk = decider.Prepare([Row(1, "García", "chloé.garcía@example.com"), Row(2, "Garcia", "CHLOÉ.GARCÍA@EXAMPLE.COM")]);

        var decisions = decider.Decide(chunk, new ChunkAnswers(), Audit);

        Assert.Equal(RowStatus.Added, decisions.Outcomes[0].Status);
        Assert.Equal(RowStatus.Skipped, decisions.Outcomes[1].Status);
        Assert.Equal("DUPLICATE_DATA-Email", decisions.Outcomes[1].FormatErrors());
        Assert.Single(decisions.Writes.Inserts);
        Assert.Equal(["chloé.garcía@example.com"], chunk.Keys.Values.Single().Keys);
    }

    [Fact]
    public void An_upsert_adds_the_first_row_and_updates_that_record_with_the_second_as_one_merged_insert()
    {
        var decider = Decider(BulkWriteOperation.Upsert, "Email", "Last_Name", "Email");
        var chunk = decider.Prepare([Row(1, "First", "ann@example.com"), Row(2, "Second", "ANN@example.com")]);

        var decisions = decider.Decide(chunk, new ChunkAnswers(), Audit);

        Assert.Equal(RowStatus.Added, decisions.Outcomes[0].Status);
        Assert.Equal(RowStatus.Updated, decisions.Outcomes[1].Status);
        Assert.Equal(decisions.Outcomes[0].RecordId, decisions.Outcomes[1].RecordId);
        var insert = Assert.Single(decisions.Writes.Inserts);
        Assert.Equal("Second", insert.Values[LastName]);
        Assert.Equal("ANN@example.com", insert.Values[Email]);
        Assert.Empty(decisions.Writes.Updates);
    }

    [Fact]
    public void Two_updates_of_one_stored_record_become_one_update_where_the_last_value_wins()
    {
        var decider = Decider(BulkWriteOperation.Update, "Email", "Last_Name", "Email");
        var chunk = decider.Prepare([Row(1, "One", "bo@example.com"), Row(2, "Two", "Bo@Example.com")]);
        var answers = new ChunkAnswers();
        answers.AddHolder(Contacts, Email, "BO@EXAMPLE.COM", 42);

        var decisions = decider.Decide(chunk, answers, Audit);

        Assert.All(decisions.Outcomes, o => Assert.Equal((RowStatus.Updated, 42L), (o.Status, o.RecordId!.Value)));
        var update = Assert.Single(decisions.Writes.Updates);
        Assert.Equal(42, update.Id);
        Assert.Equal("Two", update.Values[LastName]);
        Assert.Empty(decisions.Writes.Inserts);
    }

    [Fact]
    public void The_oldest_of_several_records_holding_a_find_by_value_is_the_one_updated()
    {
        var decider = Decider(BulkWriteOperation.Update, "Email", "Last_Name", "Email");
        var chunk = decider.Prepare([Row(1, "Kept", "dup@example.com")]);
        var answers = new ChunkAnswers();
        answers.AddHolder(Contacts, Email, "dup@example.com", 900);
        answers.AddHolder(Contacts, Email, "DUP@example.com", 300);

        var decisions = decider.Decide(chunk, answers, Audit);

        Assert.Equal(300, decisions.Outcomes[0].RecordId);
    }

    [Fact]
    public void A_lookup_by_name_matching_two_records_is_invalid_and_one_matching_once_sets_the_lookup()
    {
        var decider = Decider(BulkWriteOperation.Insert, null, "Last_Name", "Account_Name.Account_Name");
        var chunk = decider.Prepare([Row(1, "A", "Zylker"), Row(2, "B", "twins inc"), Row(3, "C", "Nobody")]);
        var answers = new ChunkAnswers();
        answers.AddHolder(Accounts, AccountName, "ZYLKER", 7);
        answers.AddHolder(Accounts, AccountName, "Twins Inc", 8);
        answers.AddHolder(Accounts, AccountName, "TWINS INC", 9);

        var decisions = decider.Decide(chunk, answers, Audit);

        Assert.Equal(7L, decisions.Writes.Inserts[0].Values[Contacts.FindField("Account_Name")!]);
        Assert.Equal("INVALID_DATA-Account_Name.Account_Name", decisions.Outcomes[1].FormatErrors());
        Assert.Equal("INVALID_DATA-Account_Name.Account_Name", decisions.Outcomes[2].FormatErrors());
        Assert.Equal(3, chunk.Keys.Values.Single(k => k.Module == Accounts).Keys.Count);
    }

    [Fact]
    public void A_value_an_earlier_row_moved_off_a_stored_record_can_be_taken_by_a_later_row_which_releases_it_first()
    {
        var decider = Decider(BulkWriteOperation.Upsert, "Id", "Id", "Last_Name", "Email");
        var chunk = decider.Prepare([Row(1, "11", "Old", "new@example.com"), Row(2, "", "Taker", "old@example.com")]);
        var answers = new ChunkAnswers();
        answers.AddExisting(Contacts, 11);
        answers.AddHolder(Contacts, Email, "old@example.com", 11);

        var decisions = decider.Decide(chunk, answers, Audit);

        Assert.Equal([RowStatus.Updated, RowStatus.Added], decisions.Outcomes.Select(o => o.Status));
        Assert.Equal([11L], decisions.Writes.Releases[Email]);
    }

    [Fact]
    public void A_stored_holder_makes_an_insert_a_duplicate_after_its_missing_mandatory_value()
    {
        var decider = Decider(BulkWriteOperation.Insert, null, "Last_Name", "Email");
        var chunk = decider.Prepare([Row(1, "", "taken@example.com")]);
        var answers = new ChunkAnswers();
        answers.AddHolder(Contacts, Email, "Taken@Example.com", 5);

        var decisions = decider.Decide(chunk, answers, Audit);

        Assert.Equal("MANDATORY_NOT_FOUND-Last_Name:DUPLICATE_DATA-Email", decisions.Outcomes[0].FormatErrors());
        Assert.True(decisions.Writes.IsEmpty);
    }

    [Fact]
    public void An_update_whose_key_no_record_holds_is_resource_not_found_and_an_empty_key_is_mandatory_not_found()
    {
        var decider = Decider(BulkWriteOperation.Update, "Email", "Last_Name", "Email");
        var chunk = decider.Prepare([Row(1, "X", "none@example.com"), Row(2, "Y", "")]);

        var decisions = decider.Decide(chunk, new ChunkAnswers(), Audit);

        Assert.Equal(["RESOURCE_NOT_FOUND-Email", "MANDATORY_NOT_FOUND-Email"], decisions.Outcomes.Select(o => o.FormatErrors()));
    }

    private static ChunkRow Row(int number, params string[] cells) => new(number, cells);

    private static ChunkDecider Decider(BulkWriteOperation operation, string? findBy, params string[] headers)
    {
        var mappings = headers.Select((h, i) => h.Split('.') is [var field, var by]
            ? new FieldMapping { ApiName = field, Index = i, FindBy = by }
            : new FieldMapping { ApiName = h, Index = i }).ToList();
        var job = new BulkWriteJobDefinition
        {
            Id = 1,
            Operation = operation,
            ModuleName = "Contacts",
            ModuleApiName = "Contacts",
            FileId = 2,
            FileName = "contacts.csv",
            FindBy = findBy,
            Mappings = mappings,
            Headers = headers,
            CreatedBy = new UserRef(Creator, "Creator"),
            CreatedTime = Audit.Time,
        };
        return new ChunkDecider(job, Contacts, name => StandardModules.All.FirstOrDefault(m => m.ApiName == name),
            [(Creator, "creator@example.com")], new IdGenerator(), new FieldValueParser());
    }
}
