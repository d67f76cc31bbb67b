namespace BiginBulk.Core.Errors;

/// <summary>
/// The base of every exception BiginBulk throws on purpose, so code that catches one can tell ours from the
/// runtime's and ask any of them the one question a retry needs: would the same work succeed if tried again?
/// </summary>
public abstract class BiginBulkException : Exception
{
    protected BiginBulkException()
    {
    }

    protected BiginBulkException(string message)
        : base(message)
    {
    }

    protected BiginBulkException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when trying the same work again may succeed (a lock, a dropped connection); false, the
    /// default, when it would fail the same way every time (bad input, a file that cannot be read).</summary>
    public virtual bool IsTransient => false;
}
