using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>Runs the real admin tool (<c>BiginBulk.Server admin …</c>) on a server's data directory.</summary>
public static class AdminTool
{
    public static async Task<AdminResult> RunAsync(ServerProcess server, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = server.DataDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BiginBulk.Server.dll"));
        start.ArgumentList.Add("admin");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["BiginBulk__DataDirectory"] = Path.Combine(server.DataDirectory, "data");
        foreach (var (key, value) in server.StoreEnvironment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new AdminResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs a command that must succeed and returns its JSON output.</summary>
    public static async Task<JsonNode> RunJsonAsync(ServerProcess server, params string[] args)
    {
        var result = await RunAsync(server, args);
        Assert.True(result.ExitCode == 0, $"admin {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        return JsonNode.Parse(result.Stdout)!;
    }

    /// <summary>A second org with an administrator, a client and an all-scopes access token for it.</summary>
    public static async Task<(string OrgId, string UserId, string ClientId, string AccessToken)> CreateOrgAsync(ServerProcess server, string name)
    {
        var org = await RunJsonAsync(server, "org", "create", "--name", name, "--admin-email", $"admin@{name.ToLowerInvariant()}.test");
        var orgId = org["org"]!["id"]!.GetValue<string>();
        var userId = org["administrator"]!["id"]!.GetValue<string>();
        var client = await RunJsonAsync(server, "client", "create", "--org", orgId, "--name", $"{name} client");
        var clientId = client["client_id"]!.GetValue<string>();
        var token = await RunJsonAsync(server, "token", "create", "--client", clientId,
            "--scopes", "ZohoBigin.bulk.ALL,ZohoBigin.modules.ALL,ZohoBigin.settings.ALL,ZohoFiles.files.ALL");
        return (orgId, userId, clientId, token["access_token"]!.GetValue<string>());
    }
}

public sealed record AdminResult(int ExitCode, string Stdout, string Stderr);
