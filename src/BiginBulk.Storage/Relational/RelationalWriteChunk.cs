using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Relational;

/// <summary>
/// One transaction of a running write job, begun by <see cref="RelationalOrgStore.BeginWriteChunkAsync"/> under
/// the org's write lock. The commit (lease check, progress, finishing) is the same on every database; a dialect
/// supplies the record session, the bulk apply and how the rows' results are written.
/// </summary>
public abstract class RelationalWriteChunk : IWriteChunk
{
    private readonly RelationalOrgStore _store;
    private readonly JobLease _lease;

    protected RelationalWriteChunk(RelationalOrgStore store, RelationalConnection db, long jobId, JobLease lease)
    {
        _store = store;
        Db = db;
        JobId = jobId;
        _lease = lease;
    }

    protected RelationalConnection Db { get; }

    protected long JobId { get; }

    public abstract IRecordSession Records { get; }

    public abstract Task<ChunkAnswers> ResolveAsync(ChunkKeys keys, CancellationToken cancellationToken);

    public abstract Task ApplyAsync(ChunkWrites writes, CancellationToken cancellationToken);

    public abstract void AddResult(WriteResultRow row);

    /// <summary>Writes results that <see cref="AddResult"/> buffered, before the commit checks the lease.</summary>
    protected virtual Task FlushResultsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task CommitAsync(BulkWriteProgress progress, CancellationToken cancellationToken = default)
    {
        await FlushResultsAsync(cancellationToken);

        // The lease is checked inside the transaction: if another worker took the job over, nothing of this
        // chunk becomes visible, so no row is applied twice.
        if (!await RelationalOrgStore.RenewLeaseAsync(Db, JobKind.Write, JobId, _lease with { Now = _store.Clock.GetUtcNow() }, cancellationToken))
        {
            throw new LeaseLostException($"Write job {JobId} is no longer leased to {_lease.Owner}.");
        }

        await RelationalOrgStore.UpdateWriteProgressAsync(Db, JobId, progress, cancellationToken);
        if (BulkWriteStatus.IsFinished(progress.Status))
        {
            await _store.FinishJobAsync(Db, JobKind.Write, JobId, cancellationToken);
        }

        await Db.CommitAsync(cancellationToken);
    }

    /// <summary>Disposes what the dialect's chunk holds besides the connection.</summary>
    protected virtual void DisposeResources()
    {
    }

    // Disposing the transaction rolls back a chunk that was not committed.
    public void Dispose()
    {
        DisposeResources();
        Db.Dispose();
        GC.SuppressFinalize(this);
    }
}
