using BiginBulk.Core.Ids;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// Decides the rows of a bulk write job the way Zoho's bulk write does, a chunk at a time and without I/O.
/// <see cref="Prepare"/> parses and validates a chunk's cells (FieldValueParser per cell) and collects every
/// key the rows need; the store answers those keys in one go; <see cref="Decide"/> then decides every row in
/// file order over those answers plus the chunk's own earlier decisions, so a row sees the rows before it
/// (a second insert of a new Email is DUPLICATE_DATA, an upsert updates the record the first row added).
/// Ambiguous keys resolve to the oldest record. A bad row is data, never an exception: it is skipped with
/// Zoho's row error codes (INVALID_DATA, MANDATORY_NOT_FOUND, DUPLICATE_DATA, RESOURCE_NOT_FOUND).
/// One decider serves one job and one chunk at a time; its chunk state is reset by each <see cref="Decide"/>.
/// </summary>
public sealed partial class ChunkDecider
{
    /// <summary>The column of errors that concern the whole row rather than one cell: empty, so the
    /// ERRORS cell shows the bare code (e.g. <c>LIMIT_EXCEEDED</c>).</summary>
    public const string RowColumn = "";

    private readonly BulkWriteJobDefinition _job;
    private readonly ModuleDefinition _module;
    private readonly Func<string, ModuleDefinition?> _findModule;
    private readonly HashSet<long> _userIds;
    private readonly Dictionary<string, long> _userIdsByEmail;
    private readonly IdGenerator _ids;
    private readonly FieldValueParser _parser;
    private readonly MappedColumn[] _columns;
    private readonly MappedColumn? _idColumn;
    private readonly FieldDefinition? _findByField;
    private readonly FieldDefinition _ownerField;

    /// <summary>Fields of the job's module whose values are keys: the chunk tracks who holds them.</summary>
    private readonly HashSet<string> _keyFields = new(StringComparer.Ordinal);

    public ChunkDecider(
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
        _userIds = [.. userList.Select(u => u.Id)];
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
                _idColumn = new MappedColumn(mapping, null, header, null, null);
                continue;
            }

            var field = module.FindField(mapping.ApiName)!;
            ModuleDefinition? target = null;
            FieldDefinition? targetField = null;
            if (field.Type == FieldType.Lookup)
            {
                target = findModule(field.LookupModule!)!;
                if (mapping.FindBy is { } by && by != "id")
                {
                    targetField = target.FindField(by)!;
                    if (target.ApiName == module.ApiName)
                    {
                        _keyFields.Add(targetField.ApiName);
                    }
                }
            }

            columns.Add(new MappedColumn(mapping, field, header, target, targetField));
        }

        _columns = [.. columns];
        if (job.FindBy is { } findBy && findBy != SystemFields.BulkWriteId)
        {
            _findByField = module.FindField(findBy);
            _keyFields.Add(_findByField!.ApiName);
        }

        foreach (var field in module.UniqueFields)
        {
            _keyFields.Add(field.ApiName);
        }
    }

    /// <summary>Parses and validates <paramref name="rows"/>, and collects the keys they need. No I/O.</summary>
    public PreparedChunk Prepare(IEnumerable<ChunkRow> rows)
    {
        var chunk = new PreparedChunk();
        foreach (var row in rows)
        {
            Add(chunk, row);
        }

        return chunk;
    }

    /// <summary>Parses one row into <paramref name="chunk"/>; the caller may mix in <see cref="PreparedChunk.AddSkipped"/>.</summary>
    public void Add(PreparedChunk chunk, ChunkRow row)
    {
        if (row.Problem is not null)
        {
            chunk.Rows.Add(new PreparedRow(row.RowNumber) { Skipped = [new RowError("INVALID_DATA", RowColumn, row.Problem)] });
            return;
        }

        var cells = new PreparedCell[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            cells[i] = ReadCell(_columns[i], Cell(_columns[i], row.Fields));
            var field = _columns[i].Field!;
            if (cells[i].Lookup is { } lookup)
            {
                if (lookup.Field is null)
                {
                    chunk.Keys.AddId(lookup.Target, (long)lookup.Key);
                }
                else
                {
                    chunk.Keys.AddValue(lookup.Target, lookup.Field, lookup.Key);
                }
            }
            else if (cells[i].Value is { } value && (field.Unique || field == _findByField) && !field.ReadOnly)
            {
                chunk.Keys.AddValue(_module, field, value);
            }
        }

        RowError? idError = null;
        long? keyId = null;
        var idKeyInvalid = false;
        if (_idColumn is { } idColumn)
        {
            var parsed = FieldValueParser.ParseLookupId(Cell(idColumn, row.Fields));
            if (!parsed.IsValid)
            {
                idError = new RowError(parsed.ErrorCode!, idColumn.Header, parsed.Detail);
                idKeyInvalid = _job.FindBy == SystemFields.BulkWriteId;
            }
            else if (!parsed.IsEmpty)
            {
                keyId = (long)parsed.Value!;
                if (_job.FindBy == SystemFields.BulkWriteId)
                {
                    chunk.Keys.AddId(_module, keyId.Value);
                }
            }
        }

        chunk.Rows.Add(new PreparedRow(row.RowNumber) { Cells = cells, IdError = idError, IdKeyInvalid = idKeyInvalid, KeyId = keyId });
    }

    private static string Cell(MappedColumn column, IReadOnlyList<string> fields)
    {
        var raw = column.Mapping.Index is { } index && index < fields.Count ? fields[index] : string.Empty;
        return string.IsNullOrWhiteSpace(raw) && column.Mapping.DefaultValue is { } fallback ? fallback : raw;
    }

    private PreparedCell ReadCell(MappedColumn column, string raw)
    {
        var field = column.Field!;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new PreparedCell(null, WasEmpty: true);
        }

        switch (field.Type)
        {
            case FieldType.OwnerLookup:
                return ReadOwner(column, raw);
            case FieldType.Lookup:
                return ReadLookup(column, raw);
        }

        var parsed = _parser.Parse(field, raw, column.Mapping.Format);
        return parsed.IsValid
            ? new PreparedCell(parsed.Value, parsed.IsEmpty)
            : new PreparedCell(null, false, new RowError(parsed.ErrorCode!, column.Header, parsed.Detail));
    }

    /// <summary>Owner is a user of this org, given by id or by email (<c>find_by: email</c> or any cell with '@').</summary>
    private PreparedCell ReadOwner(MappedColumn column, string raw)
    {
        var parsed = _parser.Parse(column.Field!, raw);
        if (!parsed.IsValid)
        {
            return new PreparedCell(null, false, new RowError(parsed.ErrorCode!, column.Header, parsed.Detail));
        }

        var owner = (OwnerReference)parsed.Value!;
        if (owner.Id is { } id && _userIds.Contains(id))
        {
            return new PreparedCell(id, false);
        }

        if (owner.Email is { } email && _userIdsByEmail.TryGetValue(email, out var byEmail))
        {
            return new PreparedCell(byEmail, false);
        }

        return new PreparedCell(null, false, new RowError(
            "INVALID_DATA", column.Header, $"no user of this org has {(owner.Id is null ? "email" : "id")} '{raw.Trim()}'"));
    }

    /// <summary>A lookup by record id (the default, or <c>find_by: id</c>) or by a field of the looked-up
    /// module (<c>Account_Name.Account_Name</c>); which record it names is decided over the store's answers.</summary>
    private PreparedCell ReadLookup(MappedColumn column, string raw)
    {
        var target = column.Target!;
        if (column.TargetField is not { } targetField)
        {
            var parsed = FieldValueParser.ParseLookupId(raw);
            return parsed.IsValid
                ? new PreparedCell(null, false, Lookup: new PendingLookup(target, null, (long)parsed.Value!, raw))
                : new PreparedCell(null, false, new RowError(parsed.ErrorCode!, column.Header, parsed.Detail));
        }

        var value = _parser.Parse(targetField.ReadOnly ? targetField with { ReadOnly = false } : targetField, raw);
        if (!value.IsValid || value.IsEmpty)
        {
            return new PreparedCell(null, false, new RowError("INVALID_DATA", column.Header, value.Detail));
        }

        return new PreparedCell(null, false, Lookup: new PendingLookup(target, targetField, value.Value!, raw));
    }

    /// <summary>A mapped CSV column, the field it fills (null for the <c>Id</c> key column), and for a lookup
    /// the looked-up module and the field it matches by (null: by id).</summary>
    private sealed record MappedColumn(FieldMapping Mapping, FieldDefinition? Field, string Header, ModuleDefinition? Target, FieldDefinition? TargetField);
}
