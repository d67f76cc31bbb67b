using BiginBulk.Cli;

namespace BiginBulk.Client.Tests.Infrastructure;

/// <summary>What one <c>biginbulk</c> invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Runs the CLI in-process, as its Main does, with captured stdout/stderr (not a terminal, so no live
/// progress) and an environment of the test's own: the profiles file lives in a temp directory.
/// </summary>
public sealed class CliRun
{
    private readonly Dictionary<string, string> _environment;

    public CliRun()
    {
        ConfigPath = Path.Combine(Path.GetTempPath(), "biginbulk-cli-tests", Guid.NewGuid().ToString("N"), "config.json");
        _environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["BIGINBULK_CONFIG"] = ConfigPath };
    }

    public string ConfigPath { get; }

    public CliRun With(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, errorIsTerminal: false, name => _environment.GetValueOrDefault(name));
        var exit = await CliApp.RunAsync(args, console, TestContext.Current.CancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
