using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.BulkWrite;

public sealed partial class BulkWriteRowProcessor
{
    private CellValue ReadCell(MappedColumn column, string raw, IRecordSession session, List<RowError> errors)
    {
        var field = column.Field!;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new CellValue(null, WasEmpty: true, column.Header);
        }

        var errorsBefore = errors.Count;
        switch (field.Type)
        {
            case FieldType.OwnerLookup:
                var owner = ResolveOwner(column, raw, errors);
                return new CellValue(owner, false, column.Header, Invalid: errors.Count > errorsBefore);
            case FieldType.Lookup:
                var target = ResolveLookup(column, raw, session, errors);
                return new CellValue(target, false, column.Header, Invalid: errors.Count > errorsBefore);
        }

        var parsed = _parser.Parse(field, raw, column.Mapping.Format);
        if (!parsed.IsValid)
        {
            errors.Add(new RowError(parsed.ErrorCode!, column.Header, parsed.Detail));
            return new CellValue(null, false, column.Header, Invalid: true);
        }

        return new CellValue(parsed.Value, parsed.IsEmpty, column.Header);
    }

    /// <summary>Owner is a user of this org, given by id or by email (<c>find_by: email</c> or any cell with '@').</summary>
    private long? ResolveOwner(MappedColumn column, string raw, List<RowError> errors)
    {
        var parsed = _parser.Parse(column.Field!, raw);
        if (!parsed.IsValid)
        {
            errors.Add(new RowError(parsed.ErrorCode!, column.Header, parsed.Detail));
            return null;
        }

        var owner = (OwnerReference)parsed.Value!;
        if (owner.Id is { } id && _userIds.ContainsKey(id))
        {
            return id;
        }

        if (owner.Email is { } email && _userIdsByEmail.TryGetValue(email, out var byEmail))
        {
            return byEmail;
        }

        errors.Add(new RowError("INVALID_DATA", column.Header, $"no user of this org has {(owner.Id is null ? "email" : "id")} '{raw.Trim()}'"));
        return null;
    }

    /// <summary>A lookup by record id (the default, or <c>find_by: id</c>) or by a field of the looked-up
    /// module (<c>Account_Name.Account_Name</c>), which must match exactly one record.</summary>
    private long? ResolveLookup(MappedColumn column, string raw, IRecordSession session, List<RowError> errors)
    {
        var field = column.Field!;
        var target = _findModule(field.LookupModule!)!;
        var findBy = column.Mapping.FindBy;
        if (findBy is null || findBy == "id")
        {
            var parsed = FieldValueParser.ParseLookupId(raw);
            if (!parsed.IsValid)
            {
                errors.Add(new RowError(parsed.ErrorCode!, column.Header, parsed.Detail));
                return null;
            }

            var id = (long)parsed.Value!;
            if (!session.Exists(target, id))
            {
                errors.Add(new RowError("INVALID_DATA", column.Header, $"no {target.ApiName} record has id {raw.Trim()}"));
                return null;
            }

            return id;
        }

        var targetField = target.FindField(findBy)!;
        var value = _parser.Parse(targetField.ReadOnly ? targetField with { ReadOnly = false } : targetField, raw);
        if (!value.IsValid || value.IsEmpty)
        {
            errors.Add(new RowError("INVALID_DATA", column.Header, value.Detail));
            return null;
        }

        var (count, match) = session.FindByValue(target, targetField, value.Value!);
        if (count == 1)
        {
            return match;
        }

        errors.Add(new RowError("INVALID_DATA", column.Header, count == 0
            ? $"no {target.ApiName} record has {targetField.ApiName} '{raw.Trim()}'"
            : $"several {target.ApiName} records have {targetField.ApiName} '{raw.Trim()}'; use the record id"));
        return null;
    }
}
