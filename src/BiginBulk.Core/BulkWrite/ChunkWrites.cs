using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// The record changes a decided chunk makes, each record once: inserts (with any later update of the same
/// record of the chunk merged in) and updates of stored records (merged per record, last value wins). A
/// store applies <see cref="Releases"/> first, then <see cref="Updates"/>, then <see cref="Inserts"/>:
/// in that order no unique index meets a value the chunk moved from one record to another.
/// </summary>
public sealed class ChunkWrites(ModuleDefinition module, RecordAudit audit)
{
    public ModuleDefinition Module { get; } = module;

    /// <summary>Created_/Modified_By and _Time for every record written (one job, one audit).</summary>
    public RecordAudit Audit { get; } = audit;

    /// <summary>New records and their writable values, in file order.</summary>
    public List<RecordWrite> Inserts { get; } = [];

    /// <summary>Stored records and the fields set on them, in the order first updated.</summary>
    public List<RecordWrite> Updates { get; } = [];

    /// <summary>
    /// Per unique field, stored records whose value in that field an earlier row of the chunk changed and a
    /// later row took: their value is cleared first, so the set-based writes never meet the old holder.
    /// </summary>
    public Dictionary<FieldDefinition, List<long>> Releases { get; } = [];

    public bool IsEmpty => Inserts.Count == 0 && Updates.Count == 0;
}

/// <summary>One record to write: its id and the typed values of the fields set (null clears a field).</summary>
public sealed record RecordWrite(long Id, Dictionary<FieldDefinition, object?> Values);
