using System.CommandLine;
using System.Text.Json.Nodes;
using BiginBulk.Client;

namespace BiginBulk.Cli.Commands;

/// <summary><c>biginbulk login</c>: saves a profile (server or data centre, org, credentials) after checking it works.</summary>
internal static class LoginCommand
{
    public static Command Create(Func<Func<CommandContext, CancellationToken, Task<ExitCode>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var bootstrap = new Option<string?>("--bootstrap") { Description = "A local server's data/bootstrap.json: connects to it in one step." };
        var dataCenter = new Option<string?>("--data-center") { Description = "Zoho's cloud: US, EU, AU, IN, CN, JP, CA or SA (instead of --server)." };
        var clientId = new Option<string?>("--client-id") { Description = "OAuth client id (with --client-secret and --refresh-token)." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "OAuth client secret." };
        var refreshToken = new Option<string?>("--refresh-token") { Description = "Refresh token; access tokens are refreshed as needed." };
        var command = new Command("login", "Save a connection profile (in the user's config directory, mode 0600).")
        {
            bootstrap, dataCenter, clientId, clientSecret, refreshToken,
        };
        command.SetAction(run(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            Profile profile;
            if (parse.GetValue(bootstrap) is { } path)
            {
                var file = await BiginBootstrap.LoadAsync(path, cancellationToken);
                profile = new Profile
                {
                    Server = parse.GetValue<string?>("--server") ?? file.ApiDomain,
                    OrgId = parse.GetValue<string?>("--org") ?? file.OrgId,
                    ClientId = file.ClientId,
                    ClientSecret = file.ClientSecret,
                    RefreshToken = file.RefreshToken,
                    AccessToken = file.AccessToken,
                };
            }
            else
            {
                var dc = parse.GetValue(dataCenter);
                if (dc is not null && !Enum.TryParse<ZohoDataCenter>(dc, ignoreCase: true, out _))
                {
                    throw new CliUsageException($"--data-center must be one of {string.Join(", ", Enum.GetNames<ZohoDataCenter>())}, not '{dc}'.");
                }

                var server = parse.GetValue<string?>("--server");
                if (server is null == dc is null)
                {
                    throw new CliUsageException("login needs --bootstrap FILE, or exactly one of --server URL and --data-center DC.");
                }

                profile = new Profile
                {
                    Server = server,
                    DataCenter = dc?.ToUpperInvariant(),
                    OrgId = parse.GetValue<string?>("--org"),
                    AccessToken = parse.GetValue<string?>("--token"),
                    ClientId = parse.GetValue(clientId),
                    ClientSecret = parse.GetValue(clientSecret),
                    RefreshToken = parse.GetValue(refreshToken),
                };
                if (profile.AccessToken is null && (profile.ClientId is null || profile.ClientSecret is null || profile.RefreshToken is null))
                {
                    throw new CliUsageException("login needs --token, or --client-id, --client-secret and --refresh-token.");
                }
            }

            var store = ProfileStore.For(context.Console);
            await store.SaveAsync(context.ProfileName, profile, cancellationToken);
            // Prove the profile works before saying so: one cheap metadata call.
            using (var client = await context.CreateClientAsync(cancellationToken))
            {
                await client.GetModulesAsync(cancellationToken);
            }

            var where = profile.Server ?? $"Zoho {profile.DataCenter}";
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["profile"] = context.ProfileName, ["server"] = where, ["org_id"] = profile.OrgId, ["config"] = store.Path });
            }
            else
            {
                await context.Console.Error.WriteLineAsync($"Logged in to {where} as profile '{context.ProfileName}' (saved in {store.Path}).");
            }

            return ExitCode.Success;
        }));
        return command;
    }
}
