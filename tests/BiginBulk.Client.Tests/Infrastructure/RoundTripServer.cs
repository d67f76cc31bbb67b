using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.Infrastructure;

/// <summary>
/// A real BiginBulk server for one test class (on the store BIGINBULK_TEST_STORE names), with bulk read pages
/// lowered to 500 records so exports span several pages, and an SDK client connected to it.
/// </summary>
public sealed class RoundTripServer : IAsyncLifetime
{
    public const int ReadPageSize = 500;

    public ServerProcess Server { get; private set; } = null!;

    public BiginClient Client { get; private set; } = null!;

    public Bootstrap Credentials => Server.Credentials;

    public async ValueTask InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:ReadPageSize"] = ReadPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Client = CreateClient();
    }

    public BiginClient CreateClient(string? accessToken = null, int? maxRowsPerFile = null)
    {
        var options = new BiginClientOptions(BiginEndpoints.ForServer(Server.BaseAddress))
        {
            OrgId = Credentials.OrgId,
            PollInterval = TimeSpan.FromMilliseconds(200),
        };
        if (maxRowsPerFile is { } rows)
        {
            options.MaxRowsPerFile = rows;
        }

        return new BiginClient(
            BiginCredential.FromRefreshToken(Credentials.ClientId, Credentials.ClientSecret, Credentials.RefreshToken, accessToken ?? Credentials.AccessToken),
            options);
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
