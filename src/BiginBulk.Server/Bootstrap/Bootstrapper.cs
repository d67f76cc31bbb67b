using System.Globalization;
using System.Text.Json;
using BiginBulk.Core.Ids;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Options;
using BiginBulk.Storage.Auth;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Bootstrap;

/// <summary>
/// First start on an empty data directory: creates a default org, an administrator and an OAuth client,
/// and writes their credentials to <c>bootstrap.json</c> (mode 0600: it holds secrets). Later starts reuse
/// them, minting a fresh access token when the saved one has expired so the file always works. A node that
/// joins a shared (PostgreSQL) store that another node already bootstrapped creates nothing.
/// </summary>
internal sealed partial class Bootstrapper(
    ISystemStore store,
    TokenService tokens,
    IdGenerator ids,
    IOptions<BiginBulkOptions> options,
    PublicUrls urls,
    TimeProvider time,
    ILogger<Bootstrapper> logger)
{
    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true };

    public string FilePath => Path.Combine(options.Value.DataDirectory, "bootstrap.json");

    public async Task<BootstrapCredentials?> RunAsync(CancellationToken cancellationToken = default)
    {
        await store.InitializeAsync(cancellationToken);
        if (File.Exists(FilePath))
        {
            return await ReuseAsync(cancellationToken);
        }

        // Under the store's bootstrap lock, so nodes starting together on an empty store create one org.
        return await store.WithBootstrapLockAsync(async ct =>
        {
            if (File.Exists(FilePath))
            {
                // A node sharing this data directory (SQLite) bootstrapped while this one waited for the lock.
                return await ReuseAsync(ct);
            }

            if ((await store.ListOrgsAsync(ct)).Count > 0)
            {
                // Another node of a cluster bootstrapped the shared database first: its data directory has the
                // credentials. Creating a second default org here would split the cluster's users.
                LogJoined(logger);
                return null;
            }

            var created = await CreateAsync(ct);
            await WriteAsync(created, ct);
            LogCreated(logger, FilePath);
            return created;
        }, cancellationToken);
    }

    private async Task<BootstrapCredentials> ReuseAsync(CancellationToken cancellationToken)
    {
        var saved = JsonSerializer.Deserialize<BootstrapCredentials>(await File.ReadAllTextAsync(FilePath, cancellationToken))
            ?? throw new InvalidOperationException($"{FilePath} is empty.");
        if (await tokens.FindLiveAsync(saved.AccessToken, TokenKind.Access, cancellationToken) is not null)
        {
            LogReused(logger, FilePath);
            return saved;
        }

        var refresh = await tokens.FindLiveAsync(saved.RefreshToken, TokenKind.Refresh, cancellationToken)
            ?? throw new InvalidOperationException($"The refresh token in {FilePath} is not known to this data directory.");
        var access = await tokens.MintAsync(TokenKind.Access, refresh.ClientId, refresh.OrgId, refresh.UserId, refresh.Scopes, refresh, cancellationToken: cancellationToken);
        var renewed = saved with { AccessToken = access };
        await WriteAsync(renewed, cancellationToken);
        LogRenewed(logger, FilePath);
        return renewed;
    }

    private async Task<BootstrapCredentials> CreateAsync(CancellationToken cancellationToken)
    {
        var org = new Org(ids.Next(), "BiginBulk", time.GetUtcNow());
        await store.CreateOrgAsync(org, cancellationToken);
        var user = new User(ids.Next(), org.Id, "admin@biginbulk.local", "Admin", "User", "Administrator");
        await store.CreateUserAsync(user, cancellationToken);
        var clientId = TokenHasher.NewClientId();
        var secret = TokenHasher.NewSecret();
        await store.CreateClientAsync(new OAuthClient(clientId, TokenHasher.Hash(secret), org.Id, "Bootstrap client", user.Id), cancellationToken);
        var refresh = await tokens.MintAsync(TokenKind.Refresh, clientId, org.Id, user.Id, Scopes.All, cancellationToken: cancellationToken);
        var refreshRecord = await tokens.FindLiveAsync(refresh, TokenKind.Refresh, cancellationToken);
        var access = await tokens.MintAsync(TokenKind.Access, clientId, org.Id, user.Id, Scopes.All, refreshRecord, cancellationToken: cancellationToken);
        return new BootstrapCredentials(
            org.Id.ToString(CultureInfo.InvariantCulture),
            user.Id.ToString(CultureInfo.InvariantCulture),
            clientId,
            secret,
            refresh,
            access,
            urls.BaseUrl());
    }

    private async Task WriteAsync(BootstrapCredentials credentials, CancellationToken cancellationToken)
    {
        var temp = FilePath + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temp, fileOptions))
        {
            await JsonSerializer.SerializeAsync(stream, credentials, FileJson, cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, FilePath, overwrite: true);
    }

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Bootstrap credentials are in {Path}")]
    private static partial void LogReused(ILogger logger, string path);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Bootstrap credentials are in {Path} (its expired access token was renewed)")]
    private static partial void LogRenewed(ILogger logger, string path);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "The store already has orgs (another node bootstrapped it): the bootstrap credentials are in that node's data directory, none are written here")]
    private static partial void LogJoined(ILogger logger);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Created the default org, administrator and OAuth client; bootstrap credentials are in {Path}")]
    private static partial void LogCreated(ILogger logger, string path);
}
