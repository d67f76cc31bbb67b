using BiginBulk.Core.BulkWrite;

namespace BiginBulk.Storage.Jobs;

/// <summary>
/// One transaction of a running write job: record changes, the rows' outcomes and the new checkpoint
/// commit together or not at all. That is what lets a crashed job resume without losing or repeating rows.
/// A bulk chunk is written set-based: <see cref="ResolveAsync"/> answers every key the chunk needs (one
/// statement per key set), Core decides the rows (<see cref="ChunkDecider"/>), and <see cref="ApplyAsync"/>
/// writes the decided records.
/// </summary>
public interface IWriteChunk : IDisposable
{
    /// <summary>Row-level record operations in this transaction, for single-record writes.</summary>
    IRecordSession Records { get; }

    /// <summary>What the store holds for <paramref name="keys"/>, as of this transaction.</summary>
    Task<ChunkAnswers> ResolveAsync(ChunkKeys keys, CancellationToken cancellationToken);

    /// <summary>Writes a decided chunk's records: releases, then updates, then inserts.</summary>
    Task ApplyAsync(ChunkWrites writes, CancellationToken cancellationToken);

    void AddResult(WriteResultRow row);

    Task CommitAsync(BulkWriteProgress progress, CancellationToken cancellationToken = default);
}
