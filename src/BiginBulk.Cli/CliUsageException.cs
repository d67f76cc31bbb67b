namespace BiginBulk.Cli;

/// <summary>The user asked for something that cannot work as given: exit code <see cref="ExitCode.Usage"/>, one line.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException()
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
