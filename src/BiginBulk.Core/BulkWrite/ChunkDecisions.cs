namespace BiginBulk.Core.BulkWrite;

/// <summary>A decided chunk: one outcome per row in file order, and the record writes they make.</summary>
public sealed record ChunkDecisions(IReadOnlyList<RowOutcome> Outcomes, ChunkWrites Writes);
