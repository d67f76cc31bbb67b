namespace BiginBulk.Core.BulkWrite;

/// <summary>One data row of a write file as read: its cells, or the reader's <see cref="Problem"/> with it.</summary>
public sealed record ChunkRow(int RowNumber, IReadOnlyList<string> Fields, string? Problem = null);
