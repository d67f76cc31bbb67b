namespace BiginBulk.Core.Csv;

/// <summary>
/// One data row of an uploaded CSV. A malformed row is still a row: it carries a <see cref="Problem"/> that the
/// import turns into a row error in the result file, because a bad row is data, not an exception.
/// </summary>
/// <param name="RowNumber">
/// 1-based index among data rows: the header and blank lines are not counted. Result files and resume
/// checkpoints count rows this way.
/// </param>
/// <param name="Fields">Exactly as many values as the header has columns; missing cells are empty strings.</param>
/// <param name="Problem">Null, or why the row cannot be trusted (ragged, undecodable bytes, broken quoting).</param>
public sealed record CsvRow(long RowNumber, IReadOnlyList<string> Fields, string? Problem)
{
    /// <summary>
    /// True for the row where reading stopped (a quoted value never closed): it and every row after it were not
    /// read, and <see cref="Problem"/> says so.
    /// </summary>
    public bool StopsReading { get; init; }
}
