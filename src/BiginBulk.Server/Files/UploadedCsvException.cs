namespace BiginBulk.Server.Files;

/// <summary>A stored upload can no longer be read as the job's CSV: a job-level failure.</summary>
public sealed class UploadedCsvException : Exception
{
    public UploadedCsvException()
    {
    }

    public UploadedCsvException(string message)
        : base(message)
    {
    }

    public UploadedCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
