namespace BiginBulk.Core.BulkWrite;

/// <summary>An uploaded CSV's name and header row, read when a job is created (no rows are read then).</summary>
public sealed record CsvFileHeader(string FileName, IReadOnlyList<string> Headers);
