using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Upload;

/// <summary>A server whose upload limits are small enough to cross cheaply: a 64 KiB zip, a 1 MiB CSV.</summary>
public sealed class SmallUploadLimitsFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 64 * 1024;
    public const long MaxUncompressedBytes = 1024 * 1024;

    public ServerProcess Server { get; private set; } = null!;

    public BiginClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:MaxUploadBytes"] = $"{MaxUploadBytes}",
            ["BiginBulk:Limits:MaxUncompressedBytes"] = $"{MaxUncompressedBytes}",
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
