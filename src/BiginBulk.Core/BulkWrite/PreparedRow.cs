using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

/// <summary>A row after parsing: one cell per mapped column, in column order, and the <c>Id</c> column's key.</summary>
internal sealed class PreparedRow(int rowNumber)
{
    public int RowNumber { get; } = rowNumber;

    /// <summary>Set when the row is skipped whatever the store holds (a reader problem, a limit).</summary>
    public RowError[]? Skipped { get; init; }

    /// <summary>With <see cref="Skipped"/>: the row is UNPROCESSED (reading stopped there) rather than SKIPPED.</summary>
    public bool Unprocessed { get; init; }

    public PreparedCell[] Cells { get; init; } = [];

    public RowError? IdError { get; init; }

    /// <summary>The <c>Id</c> column cannot be read and is the find_by key: the row finds nothing.</summary>
    public bool IdKeyInvalid { get; init; }

    public long? KeyId { get; init; }
}

/// <summary>
/// A parsed cell: its typed value, or the error that makes it invalid, or a lookup still to be resolved
/// against the store's answers.
/// </summary>
internal readonly record struct PreparedCell(object? Value, bool WasEmpty, RowError? Error = null, PendingLookup? Lookup = null);

/// <summary>A lookup cell: by id (<see cref="Field"/> null, <see cref="Key"/> the id) or by a field's folded key.</summary>
internal sealed record PendingLookup(ModuleDefinition Target, FieldDefinition? Field, object Key, string Raw);
