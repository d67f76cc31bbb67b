namespace BiginBulk.Client;

/// <summary>One line of a bulk write result: which input row, what happened, the record and the errors.</summary>
/// <param name="RowNumber">The 1-based data row of the input (the header is row 0), in the original file when an import was split.</param>
/// <param name="Status">Added, updated or skipped.</param>
/// <param name="RecordId">The record created or updated, or null.</param>
/// <param name="Errors">Why the row was skipped; empty otherwise.</param>
public sealed record BulkWriteResultRow(long RowNumber, BulkWriteRowStatus Status, string? RecordId, IReadOnlyList<BulkWriteRowError> Errors)
{
    /// <summary>True when the row was not applied.</summary>
    public bool Failed => Status == BulkWriteRowStatus.Skipped;

    /// <summary>The <c>ERRORS</c> cell as the server wrote it.</summary>
    public string ErrorsText => string.Join(':', Errors.GroupBy(e => e.Code).Select(g =>
        g.All(e => e.Column is null) ? g.Key : g.Key + "-" + string.Join(',', g.Where(e => e.Column is not null).Select(e => e.Column))));
}
