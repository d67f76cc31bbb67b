using System.CommandLine;

namespace BiginBulk.Cli;

/// <summary>Options every command takes (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Server { get; } = new("--server") { Description = "The BiginBulk server, e.g. http://127.0.0.1:5080 (or BIGINBULK_SERVER).", Recursive = true };

    public Option<string?> Token { get; } = new("--token") { Description = "An access token (or BIGINBULK_TOKEN); never refreshed.", Recursive = true };

    public Option<string?> Org { get; } = new("--org") { Description = "The org id sent as X-CRM-ORG (or BIGINBULK_ORG).", Recursive = true };

    public Option<string?> Profile { get; } = new("--profile") { Description = "The saved profile to use (or BIGINBULK_PROFILE; default: default).", Recursive = true };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "human (tables on stderr) or json (one JSON document on stdout).",
        Recursive = true,
        DefaultValueFactory = _ => "human",
    };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Show stack traces of failures.", Recursive = true };

    public IEnumerable<Option> All => [Server, Token, Org, Profile, Format, Verbose];

    public GlobalOptions() => Format.AcceptOnlyFromAmong("human", "json");
}
