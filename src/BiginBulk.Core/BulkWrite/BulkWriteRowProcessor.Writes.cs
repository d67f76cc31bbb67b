using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

public sealed partial class BulkWriteRowProcessor
{
    /// <summary>Creates a record from the row, or skips it with <paramref name="errors"/> (the invalid cells
    /// found so far) plus any missing mandatory value and any duplicate of a unique field.</summary>
    private RowOutcome Insert(int rowNumber, Dictionary<FieldDefinition, CellValue> cells, IRecordSession session, RecordAudit audit, List<RowError> errors)
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

        CheckUnique(values, cells, null, session, errors);
        if (errors.Count > 0)
        {
            return Skipped(rowNumber, [.. errors]);
        }

        var id = _ids.Next();
        session.Insert(_module, id, values, audit);
        return new RowOutcome(rowNumber, RowStatus.Added, id, []);
    }

    /// <summary>Sets the row's fields on record <paramref name="id"/>, or skips the row with
    /// <paramref name="errors"/> plus any mandatory value it would clear and any duplicate it would make.</summary>
    private RowOutcome Update(int rowNumber, long id, Dictionary<FieldDefinition, CellValue> cells, IRecordSession session, RecordAudit audit, List<RowError> errors)
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

        CheckUnique(values, cells, id, session, errors);
        if (errors.Count > 0)
        {
            return Skipped(rowNumber, [.. errors]);
        }

        session.Update(_module, id, values, audit);
        return new RowOutcome(rowNumber, RowStatus.Updated, id, []);
    }

    private void CheckUnique(Dictionary<FieldDefinition, object?> values, Dictionary<FieldDefinition, CellValue> cells, long? self, IRecordSession session, List<RowError> errors)
    {
        foreach (var field in _module.UniqueFields)
        {
            if (field.ReadOnly || !values.TryGetValue(field, out var value) || value is null)
            {
                continue;
            }

            var other = session.FindIdByValue(_module, field, value);
            if (other is not null && other != self)
            {
                errors.Add(new RowError("DUPLICATE_DATA", HeaderOf(field, cells), $"another record already has {field.ApiName} '{value}'"));
            }
        }
    }

    private static string HeaderOf(FieldDefinition field, Dictionary<FieldDefinition, CellValue> cells) =>
        cells.TryGetValue(field, out var cell) && cell.Header is not null ? cell.Header : field.ApiName;
}
