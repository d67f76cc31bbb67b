namespace BiginBulk.Client;

/// <summary>One error of a result row: a code (<c>MANDATORY_NOT_FOUND</c>) and the column it concerns, or null for the whole row.</summary>
/// <param name="Code">Zoho's error code.</param>
/// <param name="Column">The column (field API name), or null.</param>
public sealed record BulkWriteRowError(string Code, string? Column)
{
    /// <summary>Parses a result file's <c>ERRORS</c> cell: <c>CODE-column</c>, columns of one code comma-joined, codes joined with <c>:</c>.</summary>
    /// <param name="cell">The cell, e.g. <c>MANDATORY_NOT_FOUND-Last_Name:DUPLICATE_DATA-Email</c>.</param>
    public static IReadOnlyList<BulkWriteRowError> Parse(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        var errors = new List<BulkWriteRowError>();
        foreach (var part in cell.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                errors.Add(new BulkWriteRowError(part, null));
                continue;
            }

            var code = part[..dash];
            foreach (var column in part[(dash + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                errors.Add(new BulkWriteRowError(code, column));
            }
        }

        return errors;
    }

    /// <inheritdoc/>
    public override string ToString() => Column is null ? Code : $"{Code}-{Column}";
}
