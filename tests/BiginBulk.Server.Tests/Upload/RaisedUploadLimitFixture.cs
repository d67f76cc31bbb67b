using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Upload;

/// <summary>A self-hosted server that raised the upload limit above Kestrel's default request body cap (~28.6 MiB).</summary>
public sealed class RaisedUploadLimitFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 40 * 1024 * 1024;

    public ServerProcess Server { get; private set; } = null!;

    public BiginClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:MaxUploadBytes"] = $"{MaxUploadBytes}",
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
