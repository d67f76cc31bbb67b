using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

public sealed partial class BulkWriteRowProcessor
{
    private RowOutcome Insert(int rowNumber, Dictionary<FieldDefinition, CellValue> cells, IRecordSession session, RecordAudit audit)
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

        var errors = new List<RowError>();
        foreach (var field in _module.MandatoryFields)
        {
            if (!values.TryGetValue(field, out var value) || value is null)
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

    private RowOutcome Update(int rowNumber, long id, Dictionary<FieldDefinition, CellValue> cells, IRecordSession session, RecordAudit audit)
    {
        var values = new Dictionary<FieldDefinition, object?>(cells.Count);
        var errors = new List<RowError>();
        foreach (var (field, cell) in cells)
        {
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
