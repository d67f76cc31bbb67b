using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BiginBulk.Client;
using Spectre.Console;

namespace BiginBulk.Cli;

/// <summary>What a command needs: the console, the parsed globals, and a client built from flags, environment or profile.</summary>
internal sealed class CommandContext(CliConsole console, GlobalOptions globals, ParseResult parse)
{
    public CliConsole Console { get; } = console;

    public ParseResult Parse { get; } = parse;

    public bool Json => Parse.GetValue(globals.Format) == "json";

    /// <summary>Humans' output: stderr, styled only when it is a terminal.</summary>
    public IAnsiConsole Human { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(console.Error),
        Ansi = console.ErrorIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = console.ErrorIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = console.ErrorIsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
    });

    public string ProfileName => Parse.GetValue(globals.Profile) ?? Console.GetEnvironment("BIGINBULK_PROFILE") ?? "default";

    public void WriteJson(JsonNode document) =>
        Console.Output.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public async Task<BiginClient> CreateClientAsync(CancellationToken cancellationToken)
    {
        var profile = await ProfileStore.For(Console).FindAsync(ProfileName, cancellationToken);
        var server = Parse.GetValue(globals.Server) ?? Console.GetEnvironment("BIGINBULK_SERVER");
        var token = Parse.GetValue(globals.Token) ?? Console.GetEnvironment("BIGINBULK_TOKEN");
        var org = Parse.GetValue(globals.Org) ?? Console.GetEnvironment("BIGINBULK_ORG") ?? profile?.OrgId;

        BiginClientOptions options;
        if (server is not null || profile?.Server is not null)
        {
            var text = server ?? profile!.Server!;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CliUsageException($"--server must be an http(s) URL, not '{text}'.");
            }

            options = new BiginClientOptions(BiginEndpoints.ForServer(uri));
        }
        else if (profile?.DataCenter is { } dc && Enum.TryParse<ZohoDataCenter>(dc, ignoreCase: true, out var dataCenter))
        {
            options = new BiginClientOptions(dataCenter);
        }
        else
        {
            throw new CliUsageException("No server: pass --server URL, set BIGINBULK_SERVER, or run 'biginbulk login'.");
        }

        options.OrgId = org;
        BiginCredential credential;
        if (token is not null)
        {
            credential = BiginCredential.FromAccessToken(token);
        }
        else if (profile is { ClientId: { } id, ClientSecret: { } secret, RefreshToken: { } refresh })
        {
            credential = BiginCredential.FromRefreshToken(id, secret, refresh, profile.AccessToken);
        }
        else if (profile?.AccessToken is { } saved)
        {
            credential = BiginCredential.FromAccessToken(saved);
        }
        else
        {
            throw new CliUsageException("No credentials: pass --token, set BIGINBULK_TOKEN, or run 'biginbulk login'.");
        }

        return new BiginClient(credential, options);
    }
}
