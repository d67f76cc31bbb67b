using BiginBulk.Core.BulkWrite;

namespace BiginBulk.Storage.Jobs;

/// <summary>
/// One transaction of a running write job: record changes, the rows' outcomes and the new checkpoint
/// commit together or not at all. That is what lets a crashed job resume without losing or repeating rows.
/// </summary>
public interface IWriteChunk : IDisposable
{
    IRecordSession Records { get; }

    void AddResult(WriteResultRow row);

    void Commit(BulkWriteProgress progress);
}
