namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>One server per test class, on its own empty data directory.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public BiginClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // A class's tests create jobs faster than a loaded machine finishes them, and admission counts exactly:
        // the per-org cap would answer 429 to tests about something else. The cap has its own tests, which set it
        // explicitly (CreateJob/JobAdmissionConcurrencyTests, Auth/PermissionTests).
        Server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:MaxConcurrentJobsPerOrg"] = "1000",
        });
        Client = new BiginClient(Server);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
