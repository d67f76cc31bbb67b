using BiginBulk.Core.Ids;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// Applies one CSV row of a bulk write job to the records, the way Zoho's bulk write does, and says what
/// happened as a <see cref="RowOutcome"/>. A bad row is data, never an exception: it is skipped with
/// Zoho's row error codes (INVALID_DATA, MANDATORY_NOT_FOUND, DUPLICATE_DATA, RESOURCE_NOT_FOUND).
/// Rows are applied in file order and each sees the rows before it, so duplicate keys within one file
/// behave as if the file were applied top to bottom.
/// </summary>
public sealed partial class BulkWriteRowProcessor
{
    /// <summary>The column of errors that concern the whole row rather than one cell: empty, so the
    /// ERRORS cell shows the bare code (e.g. <c>LIMIT_EXCEEDED</c>).</summary>
    public const string RowColumn = "";

    private readonly BulkWriteJobDefinition _job;
    private readonly ModuleDefinition _module;
    private readonly Func<string, ModuleDefinition?> _findModule;
    private readonly Dictionary<long, long> _userIds;
    private readonly Dictionary<string, long> _userIdsByEmail;
    private readonly IdGenerator _ids;
    private readonly FieldValueParser _parser;
    private readonly MappedColumn[] _columns;
    private readonly MappedColumn? _idColumn;
    private readonly FieldDefinition? _findByField;
    private readonly FieldDefinition _ownerField;

    public BulkWriteRowProcessor(
        BulkWriteJobDefinition job,
        ModuleDefinition module,
        Func<string, ModuleDefinition?> findModule,
        IEnumerable<(long Id, string Email)> users,
        IdGenerator ids,
        FieldValueParser parser)
    {
        _job = job;
        _module = module;
        _findModule = findModule;
        var userList = users.ToList();
        _userIds = userList.ToDictionary(u => u.Id, u => u.Id);
        _userIdsByEmail = userList.ToDictionary(u => u.Email, u => u.Id, StringComparer.OrdinalIgnoreCase);
        _ids = ids;
        _parser = parser;
        _ownerField = module.FindField(SystemFields.Owner)!;

        var columns = new List<MappedColumn>();
        foreach (var mapping in job.Mappings)
        {
            var header = mapping.Index is { } index ? job.Headers[index] : mapping.ApiName;
            if (mapping.ApiName == SystemFields.BulkWriteId)
            {
                _idColumn = new MappedColumn(mapping, null, header);
                continue;
            }

            columns.Add(new MappedColumn(mapping, module.FindField(mapping.ApiName)!, header));
        }

        _columns = [.. columns];
        if (job.FindBy is { } findBy && findBy != SystemFields.BulkWriteId)
        {
            _findByField = module.FindField(findBy);
        }
    }

    public RowOutcome Process(int rowNumber, IReadOnlyList<string> fields, string? problem, IRecordSession session, RecordAudit audit)
    {
        if (problem is not null)
        {
            return Skipped(rowNumber, new RowError("INVALID_DATA", RowColumn, problem));
        }

        var errors = new List<RowError>();
        var values = new Dictionary<FieldDefinition, CellValue>();
        foreach (var column in _columns)
        {
            var raw = Cell(column, fields);
            values[column.Field!] = ReadCell(column, raw, session, errors);
        }

        long? keyId = null;
        var keyInvalid = false;
        if (_idColumn is { } idColumn)
        {
            var parsed = FieldValueParser.ParseLookupId(Cell(idColumn, fields));
            if (!parsed.IsValid)
            {
                errors.Add(new RowError(parsed.ErrorCode!, idColumn.Header, parsed.Detail));
                keyInvalid = _job.FindBy == SystemFields.BulkWriteId;
            }
            else if (!parsed.IsEmpty)
            {
                keyId = (long)parsed.Value!;
            }
        }

        // A find_by value that cannot be read finds nothing; the row says why and nothing else.
        keyInvalid |= _findByField is not null && values.TryGetValue(_findByField, out var keyCell) && keyCell.Invalid;
        if (keyInvalid)
        {
            return Skipped(rowNumber, [.. errors]);
        }

        // Invalid cells do not stop the row here: the insert or update below adds what else is wrong
        // (missing mandatory values, duplicates) and skips the row with every error, in that order.
        var existing = FindExisting(values, keyId, session, out var keyMissing);
        return _job.Operation switch
        {
            BulkWriteOperation.Insert when existing is not null =>
                Skipped(rowNumber, [.. errors, new RowError("DUPLICATE_DATA", FindByHeader(), "a record with this key already exists")]),
            BulkWriteOperation.Insert => Insert(rowNumber, values, session, audit, errors),
            BulkWriteOperation.Update when keyMissing =>
                Skipped(rowNumber, [.. errors, new RowError("MANDATORY_NOT_FOUND", FindByHeader(), "the find_by column is empty")]),
            BulkWriteOperation.Update when existing is null =>
                Skipped(rowNumber, [.. errors, new RowError("RESOURCE_NOT_FOUND", FindByHeader(), "no record matches the find_by value")]),
            BulkWriteOperation.Update => Update(rowNumber, existing.Value, values, session, audit, errors),
            _ when existing is not null => Update(rowNumber, existing.Value, values, session, audit, errors),
            _ => Insert(rowNumber, values, session, audit, errors),
        };
    }

    private static string Cell(MappedColumn column, IReadOnlyList<string> fields)
    {
        var raw = column.Mapping.Index is { } index && index < fields.Count ? fields[index] : string.Empty;
        return string.IsNullOrWhiteSpace(raw) && column.Mapping.DefaultValue is { } fallback ? fallback : raw;
    }

    private long? FindExisting(Dictionary<FieldDefinition, CellValue> values, long? keyId, IRecordSession session, out bool keyMissing)
    {
        keyMissing = false;
        if (_job.FindBy is null)
        {
            return null;
        }

        if (_job.FindBy == SystemFields.BulkWriteId)
        {
            keyMissing = keyId is null;
            return keyId is { } id && session.Exists(_module, id) ? id : null;
        }

        if (_findByField is null || !values.TryGetValue(_findByField, out var key) || key.Value is null)
        {
            keyMissing = true;
            return null;
        }

        return session.FindIdByValue(_module, _findByField, key.Value);
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

    /// <summary>A mapped CSV column and the field it fills (null for the <c>Id</c> key column).</summary>
    private sealed record MappedColumn(FieldMapping Mapping, FieldDefinition? Field, string Header);

    /// <summary>A cell's typed value; <see cref="WasEmpty"/> tells "clear this field" from "set to value";
    /// <see cref="Invalid"/> marks a cell already reported as INVALID_DATA (its value is null).</summary>
    private readonly record struct CellValue(object? Value, bool WasEmpty, string Header, bool Invalid = false);
}
