namespace BiginBulk.Cli;

/// <summary>A --where expression that does not parse; <see cref="Column"/> is 1-based.</summary>
internal sealed class WhereSyntaxException : Exception
{
    public WhereSyntaxException(string message, int column)
        : base(message) => Column = column;

    public WhereSyntaxException()
    {
    }

    public WhereSyntaxException(string message)
        : base(message)
    {
    }

    public WhereSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Column { get; }
}
