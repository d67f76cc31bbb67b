using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

public sealed partial class ChunkDecider
{
    /// <summary>Creates a record from the row, or skips it with <paramref name="errors"/> (the invalid cells
    /// found so far) plus any missing mandatory value and any duplicate of a unique field.</summary>
    private RowOutcome Insert(int rowNumber, Dictionary<FieldDefinition, CellValue> cells, RecordAudit audit, List<RowError> errors)
    {
        var values = new Dictionary<FieldDefinition, object?>(cells.Count + 1);
        foreach (var (field, cell) in cells)
        {
            values[field] = cell.Value;
        }

        // A record always has an owner: the job's creator when the file names none.
        if (!values.TryGetValue(_ownerField, out var owner) || owner is null)
        {
            values[_ownerField] = audit.UserId;
        }

        foreach (var field in _module.MandatoryFields)
        {
            // An invalid cell is already reported as INVALID_DATA; it is not also missing.
            if ((!values.TryGetValue(field, out var value) || value is null) && !(cells.TryGetValue(field, out var cell) && cell.Invalid))
            {
                errors.Add(new RowError("MANDATORY_NOT_FOUND", HeaderOf(field, cells), "a value is required"));
            }
        }

        CheckUnique(values, cells, null, errors);
        if (errors.Count > 0)
        {
            return Skipped(rowNumber, [.. errors]);
        }

        var id = _ids.Next();
        var write = new RecordWrite(id, Writable(values));
        _inserted[id] = write;
        _writes.Inserts.Add(write);
        Track(id, write.Values);
        return new RowOutcome(rowNumber, RowStatus.Added, id, []);
    }

    /// <summary>Sets the row's fields on record <paramref name="id"/>, or skips the row with
    /// <paramref name="errors"/> plus any mandatory value it would clear and any duplicate it would make.</summary>
    private RowOutcome Update(int rowNumber, long id, Dictionary<FieldDefinition, CellValue> cells, List<RowError> errors)
    {
        var values = new Dictionary<FieldDefinition, object?>(cells.Count);
        foreach (var (field, cell) in cells)
        {
            if (cell.Invalid)
            {
                continue;
            }

            if (cell.Value is null)
            {
                // ignore_empty keeps the stored value; otherwise an empty cell clears the field, except
                // where a field can never be empty (mandatory fields, the owner).
                if (_job.IgnoreEmpty || field == _ownerField)
                {
                    continue;
                }

                if (field.Mandatory)
                {
                    errors.Add(new RowError("MANDATORY_NOT_FOUND", cell.Header, "a value is required"));
                    continue;
                }
            }

            values[field] = cell.Value;
        }

        CheckUnique(values, cells, id, errors);
        if (errors.Count > 0)
        {
            return Skipped(rowNumber, [.. errors]);
        }

        var writable = Writable(values);
        if (_inserted.TryGetValue(id, out var inserted) || _updated.TryGetValue(id, out inserted))
        {
            // Merged: the chunk writes what the rows applied one by one would have left (last value wins).
            foreach (var (field, value) in writable)
            {
                inserted.Values[field] = value;
            }
        }
        else
        {
            var write = new RecordWrite(id, writable);
            _updated[id] = write;
            _writes.Updates.Add(write);
        }

        Track(id, writable);
        return new RowOutcome(rowNumber, RowStatus.Updated, id, []);
    }

    private void CheckUnique(Dictionary<FieldDefinition, object?> values, Dictionary<FieldDefinition, CellValue> cells, long? self, List<RowError> errors)
    {
        foreach (var field in _module.UniqueFields)
        {
            if (field.ReadOnly || !values.TryGetValue(field, out var value) || value is null)
            {
                continue;
            }

            var other = Oldest(_module, field, value);
            if (other is not null && other != self)
            {
                errors.Add(new RowError("DUPLICATE_DATA", HeaderOf(field, cells), $"another record already has {field.ApiName} '{value}'"));
            }
        }
    }

    /// <summary>
    /// Records which keys record <paramref name="id"/> holds after a write. A stored record that held a key
    /// the write now takes, and that an earlier row moved off it, must give it up before the set-based writes
    /// (see <see cref="ChunkWrites.Releases"/>).
    /// </summary>
    private void Track(long id, Dictionary<FieldDefinition, object?> values)
    {
        foreach (var (field, value) in values)
        {
            if (!_keyFields.Contains(field.ApiName))
            {
                continue;
            }

            var key = value is null ? null : TextKey.Of(field, value);
            if (_currentKeys.TryGetValue((id, field.ApiName), out var old) && old is not null)
            {
                _chunkHolders[(field.ApiName, old)].Remove(id);
            }

            _currentKeys[(id, field.ApiName)] = key;
            if (key is null)
            {
                continue;
            }

            if (!_chunkHolders.TryGetValue((field.ApiName, key), out var holders))
            {
                holders = [];
                _chunkHolders[(field.ApiName, key)] = holders;
            }

            holders.Add(id);
            if (!field.Unique)
            {
                continue;
            }

            foreach (var stored in _answers.Holders(_module, field, key))
            {
                if (stored != id && _currentKeys.TryGetValue((stored, field.ApiName), out var now) && !Equals(now, key))
                {
                    if (!_writes.Releases.TryGetValue(field, out var released))
                    {
                        released = [];
                        _writes.Releases[field] = released;
                    }

                    if (!released.Contains(stored))
                    {
                        released.Add(stored);
                    }
                }
            }
        }
    }

    /// <summary>The values a store writes: read-only fields (the computed Full_Name) are never written.</summary>
    private static Dictionary<FieldDefinition, object?> Writable(Dictionary<FieldDefinition, object?> values)
    {
        var writable = new Dictionary<FieldDefinition, object?>(values.Count);
        foreach (var (field, value) in values)
        {
            if (!field.ReadOnly)
            {
                writable[field] = value;
            }
        }

        return writable;
    }

    private static string HeaderOf(FieldDefinition field, Dictionary<FieldDefinition, CellValue> cells) =>
        cells.TryGetValue(field, out var cell) && cell.Header is not null ? cell.Header : field.ApiName;
}
