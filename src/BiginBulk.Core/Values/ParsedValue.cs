namespace BiginBulk.Core.Values;

/// <summary>
/// The result of parsing one CSV cell for one field: a typed value, an empty cell, or a rejection.
/// A rejected cell is data, not an exception — it becomes an <c>INVALID_DATA</c> entry in the row's
/// ERRORS cell of the result file, so the parser never throws for bad input.
/// </summary>
public readonly record struct ParsedValue
{
    /// <summary>Zoho's row-level code for a value of the wrong type, format or length.</summary>
    public const string InvalidData = "INVALID_DATA";

    private ParsedValue(bool isValid, bool isEmpty, object? value, string? errorCode, string? detail)
    {
        IsValid = isValid;
        IsEmpty = isEmpty;
        Value = value;
        ErrorCode = errorCode;
        Detail = detail;
    }

    /// <summary>An empty or whitespace-only cell: valid, with no value. Whether that clears the field,
    /// keeps it (<c>ignore_empty</c>) or takes the mapping's default is the caller's decision.</summary>
    public static ParsedValue Empty { get; } = new(isValid: true, isEmpty: true, value: null, errorCode: null, detail: null);

    /// <summary>True for a typed value and for an empty cell; false when the cell was rejected.</summary>
    public bool IsValid { get; }

    /// <summary>The cell was empty or whitespace; <see cref="Value"/> is null.</summary>
    public bool IsEmpty { get; }

    /// <summary>The typed value storage receives (string, long, decimal, bool, DateOnly, DateTimeOffset,
    /// string[] or <see cref="OwnerReference"/>); null when empty or invalid.</summary>
    public object? Value { get; }

    /// <summary>Zoho's error code (<see cref="InvalidData"/>) when the cell was rejected, else null.</summary>
    public string? ErrorCode { get; }

    /// <summary>A short explanation of a rejection, e.g. <c>expected a date in MM/dd/yyyy, got '31/12/2024'</c>.
    /// Zoho's result file has no place for it; it is our extension for per-row error detail.</summary>
    public string? Detail { get; }

    /// <summary>A valid, non-empty typed value.</summary>
    public static ParsedValue Of(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(isValid: true, isEmpty: false, value, errorCode: null, detail: null);
    }

    /// <summary>A rejected cell with <paramref name="detail"/> explaining why.</summary>
    public static ParsedValue Invalid(string detail, string errorCode = InvalidData)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        return new(isValid: false, isEmpty: false, value: null, errorCode, detail);
    }

    public override string ToString() =>
        !IsValid ? $"{ErrorCode}: {Detail}" : IsEmpty ? "(empty)" : Value?.ToString() ?? string.Empty;
}
