using BiginBulk.Core.Values;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// One problem with one row: Zoho's error <see cref="Code"/> and the <see cref="Column"/> it is about —
/// the CSV column header, or the field's API name for a field with no column (a default value, a
/// mandatory field left unmapped). An empty column means the whole row.
/// </summary>
public sealed record RowError
{
    public const string MandatoryNotFound = "MANDATORY_NOT_FOUND";
    public const string InvalidData = ParsedValue.InvalidData;
    public const string DuplicateData = "DUPLICATE_DATA";
    public const string NotApproved = "NOT_APPROVED";
    public const string BlockedRecord = "BLOCKED_RECORD";
    public const string CannotProcess = "CANNOT_PROCESS";
    public const string LimitExceeded = "LIMIT_EXCEEDED";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";

    public RowError(string code, string column, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(column);

        // The ERRORS cell separates entries with ':', columns with ',' and code from columns with '-'.
        if (code.AsSpan().IndexOfAny("-:,") >= 0)
        {
            throw new ArgumentException($"An error code cannot contain '-', ':' or ',': {code}.", nameof(code));
        }

        Code = code;
        Column = column;
        Detail = detail;
    }

    /// <summary>Upper-case Zoho code, e.g. <see cref="MandatoryNotFound"/>.</summary>
    public string Code { get; }

    public string Column { get; }

    /// <summary>A human explanation. Not part of Zoho's result file — our extension.</summary>
    public string? Detail { get; }

    /// <summary>The error for a cell the parser rejected.</summary>
    public static RowError FromParsedValue(string column, ParsedValue value)
    {
        if (value.IsValid)
        {
            throw new ArgumentException("The value was not rejected.", nameof(value));
        }

        return new RowError(value.ErrorCode!, column, value.Detail);
    }

    public override string ToString() => Column.Length == 0 ? Code : $"{Code}-{Column}";
}
