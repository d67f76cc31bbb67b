using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>Bulk write jobs: definition, progress, and chunks that commit records, results and checkpoint together.</summary>
public abstract class WriteJobCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
    private static readonly ModuleDefinition Contacts = StandardModules.Contacts;

    [Fact]
    public async Task A_created_job_reads_back_its_definition_and_starts_ADDED()
    {
        var store = await NewOrgAsync();
        var definition = WriteJobDefinition(NewId());
        await store.CreateWriteJobAsync(definition);

        var job = await store.GetWriteJobAsync(definition.Id);

        Assert.NotNull(job);
        Assert.Equal(JsonSerializer.Serialize(definition, Json), JsonSerializer.Serialize(job.Definition, Json));
        Assert.Equal(T0.AddMilliseconds(123), job.Definition.CreatedTime);
        Assert.Equal(new BulkWriteProgress(), job.Progress);
        Assert.Null(await store.GetWriteJobAsync(NewId()));
    }

    [Fact]
    public async Task Progress_round_trips_every_field()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        await store.CreateWriteJobAsync(WriteJobDefinition(id));
        var progress = new BulkWriteProgress
        {
            Status = BulkWriteStatus.Failed,
            CharacterEncoding = "UTF-8",
            CheckpointRow = 25_000_000_000,
            AddedCount = 3,
            UpdatedCount = 4,
            SkippedCount = 5,
            FailureMessage = "The file's header row is missing — ünïcödé",
            CompletedTime = T0.AddMinutes(3),
        };

        await store.SetWriteProgressAsync(id, progress);

        Assert.Equal(progress, (await store.GetWriteJobAsync(id))!.Progress);
    }

    [Fact]
    public async Task Unfinished_jobs_are_the_ADDED_and_IN_PROGRESS_ones_oldest_first()
    {
        var store = await NewOrgAsync();
        var ids = Enumerable.Range(0, 5).Select(_ => NewId()).ToArray();
        // Created out of order: "oldest first" is by id, which grows with time.
        foreach (var id in ids.Reverse())
        {
            await store.CreateWriteJobAsync(WriteJobDefinition(id));
        }

        await store.SetWriteProgressAsync(ids[1], new BulkWriteProgress { Status = BulkWriteStatus.InProgress, CheckpointRow = 10 });
        await store.SetWriteProgressAsync(ids[2], new BulkWriteProgress { Status = BulkWriteStatus.Completed, CompletedTime = T0 });
        await store.SetWriteProgressAsync(ids[3], new BulkWriteProgress { Status = BulkWriteStatus.Failed, FailureMessage = "x" });

        Assert.Equal([ids[0], ids[1], ids[4]], await store.ListUnfinishedWriteJobsAsync());
        Assert.Empty(await (await NewOrgAsync()).ListUnfinishedWriteJobsAsync());
    }

    [Fact]
    public async Task A_chunk_disposed_without_commit_leaves_no_records_no_results_and_the_old_checkpoint()
    {
        var store = await NewOrgAsync();
        var (jobId, lease) = await CreateClaimedWriteJobAsync(store);
        var before = new BulkWriteProgress { Status = BulkWriteStatus.InProgress, CheckpointRow = 7, AddedCount = 7 };
        await store.SetWriteProgressAsync(jobId, before);
        var recordId = NewId();

        using (var chunk = await store.BeginWriteChunkAsync(jobId, lease))
        {
            Insert(chunk.Records, Contacts, recordId, ("Last_Name", "Boyle"), ("Email", "ann@example.com"));
            chunk.AddResult(new WriteResultRow(RowOutcome.Added(8, recordId), ["Boyle"]));
            Assert.True(chunk.Records.Exists(Contacts, recordId));
        }

        Assert.Null(await store.GetRecordAsync(Contacts, recordId));
        Assert.Empty((await store.ListRecordsAsync(Contacts, 0, 10)).Records);
        Assert.Empty(store.ReadWriteResults(jobId));
        Assert.Equal(before, (await store.GetWriteJobAsync(jobId))!.Progress);

        // The work can be done again from the checkpoint, as a resumed job would.
        using (var retry = await store.BeginWriteChunkAsync(jobId, lease))
        {
            Assert.False(retry.Records.Exists(Contacts, recordId));
            Assert.Null(retry.Records.FindIdByValue(Contacts, Field(Contacts, "Email"), "ann@example.com"));
            Insert(retry.Records, Contacts, recordId, ("Last_Name", "Boyle"), ("Email", "ann@example.com"));
            await retry.CommitAsync(before with { CheckpointRow = 8, AddedCount = 8 });
        }

        Assert.NotNull(await store.GetRecordAsync(Contacts, recordId));
    }

    [Fact]
    public async Task A_chunk_that_failed_on_a_unique_value_rolls_back_its_earlier_rows_too()
    {
        var store = await NewOrgAsync();
        var existing = NewId();
        await SeedAsync(store, s => Insert(s, Contacts, existing, ("Last_Name", "Old"), ("Email", "taken@example.com")));
        var (jobId, lease) = await CreateClaimedWriteJobAsync(store);
        var first = NewId();

        using (var chunk = await store.BeginWriteChunkAsync(jobId, lease))
        {
            Insert(chunk.Records, Contacts, first, ("Last_Name", "New"), ("Email", "new@example.com"));
            chunk.AddResult(new WriteResultRow(RowOutcome.Added(1, first), ["New"]));
            Assert.ThrowsAny<DbException>(() => Insert(chunk.Records, Contacts, NewId(), ("Last_Name", "Dup"), ("Email", "TAKEN@example.com")));
        }

        Assert.Null(await store.GetRecordAsync(Contacts, first));
        Assert.Empty(store.ReadWriteResults(jobId));
        Assert.Equal("Old", (await store.GetRecordAsync(Contacts, existing))!["Last_Name"]);
        Assert.Equal(BulkWriteStatus.Added, (await store.GetWriteJobAsync(jobId))!.Progress.Status);
    }

    [Fact]
    public async Task Uncommitted_chunk_work_is_invisible_to_readers_until_commit()
    {
        var store = await NewOrgAsync();
        var (jobId, lease) = await CreateClaimedWriteJobAsync(store);
        var recordId = NewId();

        using var chunk = await store.BeginWriteChunkAsync(jobId, lease);
        Insert(chunk.Records, Contacts, recordId, ("Last_Name", "Boyle"));
        chunk.AddResult(new WriteResultRow(RowOutcome.Added(1, recordId), ["Boyle"]));

        Assert.Null(await store.GetRecordAsync(Contacts, recordId));
        Assert.Empty(store.ReadWriteResults(jobId));
        Assert.Equal(0, (await store.GetWriteJobAsync(jobId))!.Progress.CheckpointRow);

        await chunk.CommitAsync(new BulkWriteProgress { Status = BulkWriteStatus.InProgress, CheckpointRow = 1, AddedCount = 1 });

        Assert.NotNull(await store.GetRecordAsync(Contacts, recordId));
        Assert.Single(store.ReadWriteResults(jobId));
        Assert.Equal(1, (await store.GetWriteJobAsync(jobId))!.Progress.CheckpointRow);
    }

    [Fact]
    public async Task A_committed_chunk_makes_records_results_and_checkpoint_visible_together()
    {
        var store = await NewOrgAsync();
        var (jobId, lease) = await CreateClaimedWriteJobAsync(store);
        var added = NewId();
        var updated = NewId();
        await SeedAsync(store, s => Insert(s, Contacts, updated, ("Last_Name", "Before"), ("Title", "Kept")));
        var progress = new BulkWriteProgress
        {
            Status = BulkWriteStatus.InProgress, CharacterEncoding = "UTF-8", CheckpointRow = 3, AddedCount = 1, UpdatedCount = 1, SkippedCount = 1,
        };

        using (var chunk = await store.BeginWriteChunkAsync(jobId, lease))
        {
            Insert(chunk.Records, Contacts, added, ("Last_Name", "Added"));
            chunk.AddResult(new WriteResultRow(RowOutcome.Added(1, added), ["Added", "x@y.z", ""]));
            chunk.Records.Update(Contacts, updated, Values(Contacts, ("Last_Name", "After")), new RecordAudit(AuditUser, T0.AddHours(1)));
            chunk.AddResult(new WriteResultRow(RowOutcome.Updated(2, updated), ["After"]));
            chunk.AddResult(new WriteResultRow(
                RowOutcome.Skipped(3, new RowError(RowError.MandatoryNotFound, "Last Name"), new RowError(RowError.InvalidData, "Email"), new RowError(RowError.MandatoryNotFound, "Company")),
                ["", "not-an-email", "ÄÖÜ, \"quoted\""]));
            await chunk.CommitAsync(progress);
        }

        Assert.Equal(progress, (await store.GetWriteJobAsync(jobId))!.Progress);
        Assert.Equal("Added", (await store.GetRecordAsync(Contacts, added))!["Last_Name"]);
        var after = (await store.GetRecordAsync(Contacts, updated))!;
        Assert.Equal("After", after["Last_Name"]);
        Assert.Equal("Kept", after["Title"]);

        var results = store.ReadWriteResults(jobId).ToList();
        Assert.Equal([1, 2, 3], results.Select(r => r.Outcome.RowNumber));
        Assert.Equal([RowStatus.Added, RowStatus.Updated, RowStatus.Skipped], results.Select(r => r.Outcome.Status));
        Assert.Equal([added, updated, (long?)null], results.Select(r => r.Outcome.RecordId));
        Assert.Equal(["Added", "x@y.z", ""], results[0].Echo);
        Assert.Equal(["", "not-an-email", "ÄÖÜ, \"quoted\""], results[2].Echo);
        Assert.Equal("MANDATORY_NOT_FOUND-Last Name,Company:INVALID_DATA-Email", results[2].Outcome.FormatErrors());
        Assert.Empty(results[0].Outcome.Errors);
    }

    [Fact]
    public async Task Results_of_later_chunks_follow_in_row_order_and_stay_per_job()
    {
        var store = await NewOrgAsync();
        var (jobId, lease) = await CreateClaimedWriteJobAsync(store);
        var (otherJob, otherLease) = await CreateClaimedWriteJobAsync(store);

        // The second chunk's rows are added first: results come back by row number, not by insertion.
        using (var chunk = await store.BeginWriteChunkAsync(jobId, lease))
        {
            chunk.AddResult(new WriteResultRow(RowOutcome.Unprocessed(4), ["d"]));
            chunk.AddResult(new WriteResultRow(RowOutcome.Skipped(3, new RowError(RowError.DuplicateData, "Email")), ["c"]));
            await chunk.CommitAsync(new BulkWriteProgress { Status = BulkWriteStatus.InProgress, CheckpointRow = 4 });
        }

        using (var chunk = await store.BeginWriteChunkAsync(otherJob, otherLease))
        {
            chunk.AddResult(new WriteResultRow(RowOutcome.Skipped(1, new RowError(RowError.CannotProcess, string.Empty)), ["other"]));
            await chunk.CommitAsync(new BulkWriteProgress { Status = BulkWriteStatus.InProgress, CheckpointRow = 1 });
        }

        using (var chunk = await store.BeginWriteChunkAsync(jobId, lease))
        {
            chunk.AddResult(new WriteResultRow(RowOutcome.Skipped(1, new RowError(RowError.InvalidData, "Phone")), ["a"]));
            chunk.AddResult(new WriteResultRow(RowOutcome.Skipped(2, new RowError(RowError.InvalidData, "Phone")), ["b"]));
            await chunk.CommitAsync(new BulkWriteProgress { Status = BulkWriteStatus.Completed, CheckpointRow = 4, SkippedCount = 4, CompletedTime = T0 });
        }

        var results = store.ReadWriteResults(jobId).ToList();
        Assert.Equal([1, 2, 3, 4], results.Select(r => r.Outcome.RowNumber));
        Assert.Equal(["a", "b", "c", "d"], results.Select(r => r.Echo.Single()));
        Assert.Equal(RowStatus.Unprocessed, results[3].Outcome.Status);
        Assert.Equal("DUPLICATE_DATA-Email", results[2].Outcome.FormatErrors());
        var other = Assert.Single(store.ReadWriteResults(otherJob));
        Assert.Equal("CANNOT_PROCESS", other.Outcome.FormatErrors());
        Assert.Equal([otherJob], await store.ListUnfinishedWriteJobsAsync());
    }

    [Fact]
    public async Task A_later_chunk_sees_the_records_of_earlier_committed_chunks()
    {
        var store = await NewOrgAsync();
        var (jobId, lease) = await CreateClaimedWriteJobAsync(store);
        var id = NewId();
        using (var chunk = await store.BeginWriteChunkAsync(jobId, lease))
        {
            Insert(chunk.Records, Contacts, id, ("Last_Name", "Boyle"), ("Email", "Ann@Example.com"));
            await chunk.CommitAsync(new BulkWriteProgress { Status = BulkWriteStatus.InProgress, CheckpointRow = 1 });
        }

        using (var chunk = await store.BeginWriteChunkAsync(jobId, lease))
        {
            Assert.True(chunk.Records.Exists(Contacts, id));
            Assert.Equal(id, chunk.Records.FindIdByValue(Contacts, Field(Contacts, "Email"), "ann@example.com"));
            await chunk.CommitAsync(new BulkWriteProgress { Status = BulkWriteStatus.InProgress, CheckpointRow = 2 });
        }
    }
}
