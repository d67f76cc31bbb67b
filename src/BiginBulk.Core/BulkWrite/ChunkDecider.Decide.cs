using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

public sealed partial class ChunkDecider
{
    private ChunkAnswers _answers = new();
    private ChunkWrites _writes = null!;

    /// <summary>Records this chunk inserted, by id (later updates of them are merged in).</summary>
    private readonly Dictionary<long, RecordWrite> _inserted = [];

    /// <summary>Stored records this chunk updated, by id.</summary>
    private readonly Dictionary<long, RecordWrite> _updated = [];

    /// <summary>The key a record touched by this chunk now holds in a key field (null: none).</summary>
    private readonly Dictionary<(long Id, string Field), object?> _currentKeys = [];

    /// <summary>The records touched by this chunk that now hold a key.</summary>
    private readonly Dictionary<(string Field, object Key), SortedSet<long>> _chunkHolders = [];

    /// <summary>
    /// Decides every row of <paramref name="chunk"/> in file order over <paramref name="answers"/> (the store's
    /// state before the chunk) and the chunk's own earlier rows.
    /// </summary>
    public ChunkDecisions Decide(PreparedChunk chunk, ChunkAnswers answers, RecordAudit audit)
    {
        _answers = answers;
        _writes = new ChunkWrites(_module, audit);
        _inserted.Clear();
        _updated.Clear();
        _currentKeys.Clear();
        _chunkHolders.Clear();

        var outcomes = new List<RowOutcome>(chunk.Rows.Count);
        foreach (var row in chunk.Rows)
        {
            outcomes.Add(row.Skipped is { } errors
                ? row.Unprocessed ? RowOutcome.Unprocessed(row.RowNumber, errors) : Skipped(row.RowNumber, errors)
                : Decide(row, audit));
        }

        return new ChunkDecisions(outcomes, _writes);
    }

    private RowOutcome Decide(PreparedRow row, RecordAudit audit)
    {
        var errors = new List<RowError>();
        var values = new Dictionary<FieldDefinition, CellValue>(_columns.Length);
        for (var i = 0; i < _columns.Length; i++)
        {
            values[_columns[i].Field!] = Resolve(_columns[i], row.Cells[i], errors);
        }

        if (row.IdError is { } idError)
        {
            errors.Add(idError);
        }

        // A find_by value that cannot be read finds nothing; the row says why and nothing else.
        var keyInvalid = row.IdKeyInvalid
            || (_findByField is not null && values.TryGetValue(_findByField, out var keyCell) && keyCell.Invalid);
        if (keyInvalid)
        {
            return Skipped(row.RowNumber, [.. errors]);
        }

        // Invalid cells do not stop the row here: the insert or update below adds what else is wrong
        // (missing mandatory values, duplicates) and skips the row with every error, in that order.
        var existing = FindExisting(values, row.KeyId, out var keyMissing);
        return _job.Operation switch
        {
            BulkWriteOperation.Insert when existing is not null =>
                Skipped(row.RowNumber, [.. errors, new RowError("DUPLICATE_DATA", FindByHeader(), "a record with this key already exists")]),
            BulkWriteOperation.Insert => Insert(row.RowNumber, values, audit, errors),
            BulkWriteOperation.Update when keyMissing =>
                Skipped(row.RowNumber, [.. errors, new RowError("MANDATORY_NOT_FOUND", FindByHeader(), "the find_by column is empty")]),
            BulkWriteOperation.Update when existing is null =>
                Skipped(row.RowNumber, [.. errors, new RowError("RESOURCE_NOT_FOUND", FindByHeader(), "no record matches the find_by value")]),
            BulkWriteOperation.Update => Update(row.RowNumber, existing.Value, values, errors),
            _ when existing is not null => Update(row.RowNumber, existing.Value, values, errors),
            _ => Insert(row.RowNumber, values, audit, errors),
        };
    }

    /// <summary>A cell's final value: lookups are resolved here, each error in its column's place.</summary>
    private CellValue Resolve(MappedColumn column, PreparedCell cell, List<RowError> errors)
    {
        if (cell.Error is { } error)
        {
            errors.Add(error);
            return new CellValue(null, false, column.Header, Invalid: true);
        }

        if (cell.Lookup is not { } lookup)
        {
            return new CellValue(cell.Value, cell.WasEmpty, column.Header);
        }

        var target = lookup.Target;
        if (lookup.Field is not { } targetField)
        {
            var id = (long)lookup.Key;
            if (Exists(target, id))
            {
                return new CellValue(id, false, column.Header);
            }

            errors.Add(new RowError("INVALID_DATA", column.Header, $"no {target.ApiName} record has id {lookup.Raw.Trim()}"));
            return new CellValue(null, false, column.Header, Invalid: true);
        }

        var holders = Holders(target, targetField, TextKey.Of(targetField, lookup.Key));
        if (holders.Count == 1)
        {
            return new CellValue(holders[0], false, column.Header);
        }

        errors.Add(new RowError("INVALID_DATA", column.Header, holders.Count == 0
            ? $"no {target.ApiName} record has {targetField.ApiName} '{lookup.Raw.Trim()}'"
            : $"several {target.ApiName} records have {targetField.ApiName} '{lookup.Raw.Trim()}'; use the record id"));
        return new CellValue(null, false, column.Header, Invalid: true);
    }

    private long? FindExisting(Dictionary<FieldDefinition, CellValue> values, long? keyId, out bool keyMissing)
    {
        keyMissing = false;
        if (_job.FindBy is null)
        {
            return null;
        }

        if (_job.FindBy == SystemFields.BulkWriteId)
        {
            keyMissing = keyId is null;
            return keyId is { } id && Exists(_module, id) ? id : null;
        }

        if (_findByField is null || !values.TryGetValue(_findByField, out var key) || key.Value is null)
        {
            keyMissing = true;
            return null;
        }

        return Oldest(_module, _findByField, key.Value);
    }

    private bool Exists(ModuleDefinition module, long id) =>
        _answers.Exists(module, id) || (module.ApiName == _module.ApiName && _inserted.ContainsKey(id));

    private long? Oldest(ModuleDefinition module, FieldDefinition field, object value)
    {
        var holders = Holders(module, field, TextKey.Of(field, value));
        return holders.Count > 0 ? holders[0] : null;
    }

    /// <summary>
    /// The records holding <paramref name="key"/> now, oldest first: the store's holders less those this chunk
    /// moved off the field, plus the records this chunk gave the key.
    /// </summary>
    private List<long> Holders(ModuleDefinition module, FieldDefinition field, object key)
    {
        var stored = _answers.Holders(module, field, key);
        if (module.ApiName != _module.ApiName || !_keyFields.Contains(field.ApiName))
        {
            return [.. stored];
        }

        var holders = new List<long>(stored.Count + 1);
        foreach (var id in stored)
        {
            if (!_currentKeys.ContainsKey((id, field.ApiName)))
            {
                holders.Add(id);
            }
        }

        if (_chunkHolders.TryGetValue((field.ApiName, key), out var ours))
        {
            holders.AddRange(ours);
            holders.Sort();
        }

        return holders;
    }

    private string FindByHeader()
    {
        if (_job.FindBy == SystemFields.BulkWriteId)
        {
            return _idColumn?.Header ?? SystemFields.BulkWriteId;
        }

        return _columns.FirstOrDefault(c => c.Field == _findByField)?.Header ?? _job.FindBy ?? RowColumn;
    }

    private static RowOutcome Skipped(int rowNumber, params RowError[] errors) =>
        new(rowNumber, RowStatus.Skipped, null, errors);

    /// <summary>A cell's typed value; <see cref="WasEmpty"/> tells "clear this field" from "set to value";
    /// <see cref="Invalid"/> marks a cell already reported as INVALID_DATA (its value is null).</summary>
    private readonly record struct CellValue(object? Value, bool WasEmpty, string Header, bool Invalid = false);
}
