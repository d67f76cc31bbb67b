namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// A chunk of rows parsed and validated without I/O (see <see cref="ChunkDecider.Prepare"/>), with every
/// key its rows need from the store. <see cref="ChunkDecider.Decide"/> turns it into outcomes and writes.
/// </summary>
public sealed class PreparedChunk
{
    internal List<PreparedRow> Rows { get; } = [];

    public ChunkKeys Keys { get; } = new();

    public int Count => Rows.Count;

    /// <summary>Adds a row already decided by the caller (e.g. beyond the file's row limit).</summary>
    public void AddSkipped(int rowNumber, RowError error) =>
        Rows.Add(new PreparedRow(rowNumber) { Skipped = [error] });

    /// <summary>Adds a row the reader could not get past (e.g. a quote never closed): UNPROCESSED, not applied.</summary>
    public void AddUnprocessed(int rowNumber, RowError error) =>
        Rows.Add(new PreparedRow(rowNumber) { Skipped = [error], Unprocessed = true });
}
