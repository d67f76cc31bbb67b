using BiginBulk.Core.Errors;

namespace BiginBulk.Server.Uploads;

/// <summary>A stored upload can no longer be read as the job's CSV: a job-level failure.</summary>
internal sealed class UploadedCsvException : BiginBulkException
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
