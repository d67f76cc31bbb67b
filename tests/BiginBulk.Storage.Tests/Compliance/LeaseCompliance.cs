using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>Job leases: one worker per job, takeover after expiry, and chunks refused once the lease is lost.</summary>
public abstract class LeaseCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    [Fact]
    public async Task Workers_claim_the_oldest_free_job_and_never_the_same_one()
    {
        var store = await NewOrgAsync();
        var ids = new[] { NewId(), NewId(), NewId() };
        foreach (var id in ids.Reverse())
        {
            await store.CreateWriteJobAsync(WriteJobDefinition(id));
        }

        var first = NewLease();
        var second = NewLease();
        Assert.Equal(ids[0], await store.ClaimNextJobAsync(JobKind.Write, first));
        Assert.Equal(ids[1], await store.ClaimNextJobAsync(JobKind.Write, second));
        // A worker asking again gets back the job it already holds.
        Assert.Equal(ids[0], await store.ClaimNextJobAsync(JobKind.Write, first));
        Assert.Null(await store.ClaimNextJobAsync(JobKind.Read, NewLease()));
    }

    [Fact]
    public async Task Finished_jobs_are_never_claimed()
    {
        var store = await NewOrgAsync();
        var done = NewId();
        var open = NewId();
        await store.CreateWriteJobAsync(WriteJobDefinition(done));
        await store.CreateWriteJobAsync(WriteJobDefinition(open));
        await store.SetWriteProgressAsync(done, new BulkWriteProgress { Status = BulkWriteStatus.Completed, CompletedTime = T0 });

        Assert.Equal(open, await store.ClaimNextJobAsync(JobKind.Write, NewLease()));
        Assert.Null(await store.ClaimNextJobAsync(JobKind.Write, NewLease()));
    }

    [Fact]
    public async Task An_expired_lease_can_be_taken_over_and_the_old_holder_can_no_longer_commit()
    {
        var store = await NewOrgAsync();
        var job = NewId();
        await store.CreateWriteJobAsync(WriteJobDefinition(job));
        var now = DateTimeOffset.UtcNow;
        var stale = NewLease(TimeSpan.FromMinutes(1), now.AddMinutes(-10));
        Assert.Equal(job, await store.ClaimNextJobAsync(JobKind.Write, stale));

        var fresh = NewLease(TimeSpan.FromHours(1), now);
        Assert.Equal(job, await store.ClaimNextJobAsync(JobKind.Write, fresh));
        Assert.False(await store.RenewJobLeaseAsync(JobKind.Write, job, stale with { Now = now }));
        Assert.True(await store.RenewJobLeaseAsync(JobKind.Write, job, fresh));

        var id = NewId();
        using (var chunk = await store.BeginWriteChunkAsync(job, stale))
        {
            Insert(chunk.Records, StandardModules.Contacts, id, ("Last_Name", "Lost"));
            chunk.AddResult(new WriteResultRow(RowOutcome.Added(1, id), ["Lost"]));
            await Assert.ThrowsAsync<LeaseLostException>(() => chunk.CommitAsync(new BulkWriteProgress { Status = BulkWriteStatus.InProgress, CheckpointRow = 1 }));
        }

        Assert.Null(await store.GetRecordAsync(StandardModules.Contacts, id));
        Assert.Empty(store.ReadWriteResults(job));
        Assert.Equal(0, (await store.GetWriteJobAsync(job))!.Progress.CheckpointRow);
    }

    [Fact]
    public async Task A_live_lease_keeps_other_workers_off()
    {
        var store = await NewOrgAsync();
        var job = NewId();
        await store.CreateWriteJobAsync(WriteJobDefinition(job));
        Assert.Equal(job, await store.ClaimNextJobAsync(JobKind.Write, NewLease()));

        Assert.Null(await store.ClaimNextJobAsync(JobKind.Write, NewLease()));
    }

    [Fact]
    public async Task Released_leases_can_be_claimed_at_once()
    {
        var store = await NewOrgAsync();
        var job = NewId();
        await store.CreateWriteJobAsync(WriteJobDefinition(job));
        var dying = new JobLease("node-a:1111", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        var otherNode = new JobLease("node-b:2222", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        Assert.Equal(job, await store.ClaimNextJobAsync(JobKind.Write, dying));

        await store.ReleaseJobLeasesAsync("node-b:");
        Assert.Null(await store.ClaimNextJobAsync(JobKind.Write, otherNode));

        await store.ReleaseJobLeasesAsync("node-a:");
        Assert.Equal(job, await store.ClaimNextJobAsync(JobKind.Write, otherNode));
    }

    [Fact]
    public async Task Read_jobs_are_claimed_apart_from_write_jobs()
    {
        var store = await NewOrgAsync();
        var read = NewId();
        await store.CreateReadJobAsync(new BulkReadJobDefinition
        {
            Id = read, ModuleName = "Contacts", ModuleApiName = "Contacts", Fields = [], Page = 1, FileType = BulkReadFileType.Csv,
            CreatedBy = new UserRef(AuditUser, "Ann"), CreatedTime = T0,
        });

        Assert.Null(await store.ClaimNextJobAsync(JobKind.Write, NewLease()));
        Assert.Equal(read, await store.ClaimNextJobAsync(JobKind.Read, NewLease()));
    }
}
