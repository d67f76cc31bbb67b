namespace BiginBulk.Cli;

/// <summary>
/// Where the CLI writes and what it reads from its environment: stdout carries only machine output
/// (<c>--format json</c>), humans read stderr, and live progress is drawn only when stderr is a terminal.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool errorIsTerminal, Func<string, string?> environment)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error, !Console.IsErrorRedirected, Environment.GetEnvironmentVariable);

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public string? GetEnvironment(string name) => environment(name);
}
