using System.CommandLine;
using BiginBulk.Cli.Commands;
using BiginBulk.Client;

namespace BiginBulk.Cli;

/// <summary>
/// <c>biginbulk</c>: the command tree, and the one place that turns failures into an exit code and one line
/// on stderr (a stack trace only with --verbose).
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Import and export Zoho Bigin records in bulk, on Zoho's cloud or a BiginBulk server.");
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        Func<Func<CommandContext, CancellationToken, Task<ExitCode>>, Func<ParseResult, CancellationToken, Task<int>>> run =
            body => (parse, token) => ExecuteAsync(new CommandContext(console, globals, parse), body, token);
        root.Subcommands.Add(LoginCommand.Create(run));
        root.Subcommands.Add(ImportCommand.Create(run));
        root.Subcommands.Add(ExportCommand.Create(run));
        root.Subcommands.Add(JobsCommand.Create(run));
        root.Subcommands.Add(MetadataCommands.Fields(run));
        root.Subcommands.Add(MetadataCommands.Modules(run));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, not System.CommandLine's help dump: scripts read stderr too.
            await console.Error.WriteLineAsync($"error: {parse.Errors[0].Message} (see 'biginbulk --help')");
            return (int)ExitCode.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Output, Error = console.Error }, cancellationToken);
    }

    private static async Task<int> ExecuteAsync(CommandContext context, Func<CommandContext, CancellationToken, Task<ExitCode>> body, CancellationToken cancellationToken)
    {
        var verbose = context.Parse.GetValue<bool>("--verbose");
        try
        {
            return (int)await body(context, cancellationToken);
        }
        catch (Exception e) when (Classify(e) is { } failure)
        {
            await context.Console.Error.WriteLineAsync($"error: {failure.Message}");
            if (verbose)
            {
                await context.Console.Error.WriteLineAsync(e.ToString());
            }

            return (int)failure.Code;
        }
    }

    private static (ExitCode Code, string Message)? Classify(Exception e) => e switch
    {
        WhereSyntaxException w => (ExitCode.Usage, $"--where, column {w.Column}: {w.Message}"),
        CliUsageException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException => (ExitCode.Usage, e.Message),
        ArgumentException => (ExitCode.Usage, e.Message),
        BulkApiException { IsAuthenticationError: true } api => (ExitCode.Authentication, $"authentication failed: {api.Message}"),
        BulkApiException api => (ExitCode.ServerOrNetwork, api.Message),
        HttpRequestException => (ExitCode.ServerOrNetwork, e.Message),
        UnauthorizedAccessException or IOException => (ExitCode.Usage, e.Message),
        OperationCanceledException => (ExitCode.ServerOrNetwork, "cancelled"),
        _ => null,
    };
}
