using BiginBulk.Core.Errors;

namespace BiginBulk.Storage.Jobs;

/// <summary>The job's lease passed to another worker: this worker must stop without committing.</summary>
public sealed class LeaseLostException : BiginBulkException
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
