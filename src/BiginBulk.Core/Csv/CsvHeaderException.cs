using BiginBulk.Core.Errors;

namespace BiginBulk.Core.Csv;

/// <summary>
/// Thrown by <see cref="CsvRowReader.OpenAsync"/> when the file has no usable header row. It carries the
/// <see cref="CsvHeaderProblem"/>, so the header check at job creation and a worker report it the same way.
/// This is a job-level cause: without a header no row can be mapped.
/// </summary>
public sealed class CsvHeaderException : BiginBulkException
{
    public CsvHeaderException()
    {
    }

    public CsvHeaderException(string message)
        : base(message)
    {
    }

    public CsvHeaderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CsvHeaderException(CsvHeaderProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    /// <summary>What is wrong with the header.</summary>
    public CsvHeaderProblem Problem { get; } = CsvHeaderProblem.NoHeader;
}
