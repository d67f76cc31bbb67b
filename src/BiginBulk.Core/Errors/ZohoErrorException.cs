namespace BiginBulk.Core.Errors;

/// <summary>Carries a <see cref="ZohoError"/> out of validation code to the endpoint that answers it.</summary>
public sealed class ZohoErrorException : BiginBulkException
{
    public ZohoErrorException(ZohoError error)
        : base(error.ToString()) => Error = error;

    public ZohoErrorException()
        : this(new ZohoError(500, "INTERNAL_ERROR", "Internal Server Error"))
    {
    }

    public ZohoErrorException(string message)
        : this(new ZohoError(500, "INTERNAL_ERROR", message))
    {
    }

    public ZohoErrorException(string message, Exception innerException)
        : base(message, innerException) => Error = new ZohoError(500, "INTERNAL_ERROR", message);

    public ZohoError Error { get; }
}
