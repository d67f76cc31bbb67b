using System.Text;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// The result of one data row of a bulk write file: its STATUS, RECORD_ID and ERRORS in the result CSV.
/// </summary>
public sealed class RowOutcome
{
    public RowOutcome(int rowNumber, RowStatus status, long? recordId = null, IReadOnlyList<RowError>? errors = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowNumber, 1);
        if (status is RowStatus.Added or RowStatus.Updated && recordId is null)
        {
            throw new ArgumentException($"A row that was {ToWireName(status)} has a record id.", nameof(recordId));
        }

        RowNumber = rowNumber;
        Status = status;
        RecordId = recordId;
        Errors = errors ?? [];
    }

    /// <summary>1-based number of the data row in the uploaded file; the header row is not counted.</summary>
    public int RowNumber { get; }

    public RowStatus Status { get; }

    /// <summary>The record added or updated; null for skipped and unprocessed rows.</summary>
    public long? RecordId { get; }

    /// <summary>Why the row was skipped, in the order found.</summary>
    public IReadOnlyList<RowError> Errors { get; }

    /// <summary>The STATUS cell: <c>ADDED</c>, <c>UPDATED</c>, <c>SKIPPED</c> or <c>UNPROCESSED</c>.</summary>
    public string StatusName => ToWireName(Status);

    public static RowOutcome Added(int rowNumber, long recordId) => new(rowNumber, RowStatus.Added, recordId);

    public static RowOutcome Updated(int rowNumber, long recordId) => new(rowNumber, RowStatus.Updated, recordId);

    public static RowOutcome Skipped(int rowNumber, params IReadOnlyList<RowError> errors) =>
        new(rowNumber, RowStatus.Skipped, errors: errors);

    public static RowOutcome Unprocessed(int rowNumber, params IReadOnlyList<RowError> errors) =>
        new(rowNumber, RowStatus.Unprocessed, errors: errors);

    /// <summary>Zoho's spelling of a status in the result file.</summary>
    public static string ToWireName(RowStatus status) => status switch
    {
        RowStatus.Added => "ADDED",
        RowStatus.Updated => "UPDATED",
        RowStatus.Skipped => "SKIPPED",
        RowStatus.Unprocessed => "UNPROCESSED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Reads a STATUS cell (case-insensitive), for clients reading a result file.</summary>
    public static bool TryParseStatus(string wireName, out RowStatus status)
    {
        foreach (var candidate in Enum.GetValues<RowStatus>())
        {
            if (string.Equals(ToWireName(candidate), wireName?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>
    /// The ERRORS cell, in Zoho's shape: <c>CODE-column</c>; the columns of one code comma-joined under
    /// that code's first occurrence; codes joined with ':' in the order first seen. So
    /// [(MANDATORY_NOT_FOUND, Company), (MANDATORY_NOT_FOUND, Last_Name), (DUPLICATE_DATA, Email)] gives
    /// <c>MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email</c>. A row-level error (no column) is
    /// the bare code. Details are left out: the format has no place for them.
    /// </summary>
    public string FormatErrors() => FormatErrors(Errors);

    /// <inheritdoc cref="FormatErrors()"/>
    public static string FormatErrors(IEnumerable<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var columnsByCode = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var codes = new List<string>();
        foreach (var error in errors)
        {
            if (!columnsByCode.TryGetValue(error.Code, out var columns))
            {
                columnsByCode[error.Code] = columns = [];
                codes.Add(error.Code);
            }

            if (error.Column.Length > 0 && !columns.Contains(error.Column, StringComparer.Ordinal))
            {
                columns.Add(error.Column);
            }
        }

        var cell = new StringBuilder();
        foreach (var code in codes)
        {
            if (cell.Length > 0)
            {
                cell.Append(':');
            }

            cell.Append(code);
            if (columnsByCode[code] is { Count: > 0 } columns)
            {
                cell.Append('-').AppendJoin(',', columns);
            }
        }

        return cell.ToString();
    }

    /// <summary>
    /// Reads an ERRORS cell back into one error per code and column, in the cell's order. The format has
    /// no escaping, so a column whose header contains ',' or ':' cannot round-trip — Zoho's neither.
    /// </summary>
    /// <exception cref="FormatException">An entry has no code (<c>-Email</c>).</exception>
    public static IReadOnlyList<RowError> ParseErrors(string errorsCell)
    {
        ArgumentNullException.ThrowIfNull(errorsCell);
        var errors = new List<RowError>();
        foreach (var entry in errorsCell.Split(':', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Codes are A-Z and '_', so the first '-' ends the code; column names may contain '-'.
            var dash = entry.IndexOf('-', StringComparison.Ordinal);
            var code = dash < 0 ? entry : entry[..dash].TrimEnd();
            if (code.Length == 0 || code.Contains(',', StringComparison.Ordinal))
            {
                throw new FormatException($"ERRORS entry '{entry}' does not start with an error code.");
            }

            if (dash < 0)
            {
                errors.Add(new RowError(code, string.Empty));
                continue;
            }

            var columns = entry[(dash + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length == 0)
            {
                errors.Add(new RowError(code, string.Empty));
            }

            foreach (var column in columns)
            {
                errors.Add(new RowError(code, column));
            }
        }

        return errors;
    }

    public override string ToString() => $"row {RowNumber}: {StatusName} {RecordId} {FormatErrors()}".TrimEnd();
}
