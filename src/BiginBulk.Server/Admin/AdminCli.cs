using System.CommandLine;

namespace BiginBulk.Server.Admin;

/// <summary>
/// <c>BiginBulk.Server admin …</c>: the administrator's tool. It works on the data directory directly (the
/// server may be running), creates orgs, users, OAuth clients, self-client grant codes and tokens, and
/// lists them. Output is JSON on stdout, so scripts can read it; secrets are shown once, when created.
/// </summary>
internal static class AdminCli
{
    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var admin = new Command("admin", "BiginBulk administration: orgs, users, OAuth clients, grant codes, tokens, custom fields and custom views.")
        {
            OrgCommands.Create(services),
            UserCommands.Create(services),
            ClientCommands.Create(services),
            GrantCommands.Create(services),
            TokenCommands.Create(services),
            FieldCommands.Create(services),
            ViewCommands.Create(services),
        };
        // "admin" is a command under the root, not the root itself, so every usage line of the help reads
        // "BiginBulk.Server admin …", as the user must type it.
        var root = new RootCommand("BiginBulk server; `admin` is its administration tool.") { admin };
        return await root.Parse(["admin", .. args]).InvokeAsync();
    }
}
