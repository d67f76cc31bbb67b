using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// The record operations a bulk write needs, inside one transaction over one org's records. A chunk of
/// rows runs in one session; each row sees the effects of the rows before it, so two rows of one file
/// with the same key behave as if the file were applied top to bottom.
/// </summary>
public interface IRecordSession
{
    /// <summary>The id of the record whose <paramref name="field"/> equals <paramref name="value"/>
    /// (case-insensitively for text), or null. When several match, the oldest.</summary>
    long? FindIdByValue(ModuleDefinition module, FieldDefinition field, object value);

    /// <summary>How many records match, capped at 2, and the oldest one's id: lookups by name need
    /// to tell "none", "one" and "ambiguous" apart.</summary>
    (int Count, long? Id) FindByValue(ModuleDefinition module, FieldDefinition field, object value);

    bool Exists(ModuleDefinition module, long id);

    /// <summary>Inserts a record. <paramref name="values"/> holds typed values (see FieldValueParser) for
    /// writable fields; audit fields are set from <paramref name="audit"/>.</summary>
    void Insert(ModuleDefinition module, long id, IReadOnlyDictionary<FieldDefinition, object?> values, RecordAudit audit);

    /// <summary>Sets the given fields of an existing record (null clears a field); other fields keep their values.</summary>
    void Update(ModuleDefinition module, long id, IReadOnlyDictionary<FieldDefinition, object?> values, RecordAudit audit);

    /// <summary>The current typed value of one field of a record, or null.</summary>
    object? GetValue(ModuleDefinition module, long id, FieldDefinition field);
}
