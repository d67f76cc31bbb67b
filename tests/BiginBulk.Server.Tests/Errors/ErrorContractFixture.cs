using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Errors;

/// <summary>
/// A server with small limits (so "too large" and "too many" are cheap to provoke) and the things error
/// requests point at: uploaded files, a Standard user's token, a token with one unrelated scope, a view id.
/// </summary>
public sealed class ErrorContractFixture : IAsyncLifetime
{
    public const int MaxUploadBytes = 64 * 1024;
    public const int MaxColumns = 3;

    public ServerProcess Server { get; private set; } = null!;

    public BiginClient Admin { get; private set; } = null!;

    public ScopedTokens Tokens { get; private set; } = null!;

    /// <summary>A Contacts file with header <c>Last_Name,Email</c>.</summary>
    public string ContactsFileId { get; private set; } = "";

    /// <summary>A file with more columns than <see cref="MaxColumns"/>.</summary>
    public string WideFileId { get; private set; } = "";

    /// <summary>A file whose header row has an empty column name.</summary>
    public string BlankHeaderFileId { get; private set; } = "";

    public string StandardUserId { get; private set; } = "";

    public string ContactsAllViewId { get; private set; } = "";

    public (string Id, string Secret) Client { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BiginBulk:Limits:MaxColumns"] = MaxColumns.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Admin = new BiginClient(Server);
        Tokens = new ScopedTokens(Server);
        ContactsFileId = await Admin.UploadCsvAsync("Last_Name,Email\nErr,err@example.com\n");
        WideFileId = await Admin.UploadCsvAsync("Last_Name,Email,Phone,Title\nW,w@example.com,1,T\n");
        BlankHeaderFileId = await Admin.UploadCsvAsync("Last_Name,,Email\nB,x,b@example.com\n");
        var user = await AdminTool.RunJsonAsync(Server, "user", "create", "--org", Server.Credentials.OrgId, "--email", "standard@errors.test", "--last-name", "Standard");
        StandardUserId = user["id"]!.GetValue<string>();
        var views = await Admin.GetAsync("/bigin/v2/settings/custom_views?module=Contacts");
        views.AssertStatus(HttpStatusCode.OK);
        ContactsAllViewId = views.Json["custom_views"]!.AsArray().Single(v => v!["system_defined"]!.GetValue<bool>())!["id"]!.GetValue<string>();
        var client = await AdminTool.RunJsonAsync(Server, "client", "create", "--org", Server.Credentials.OrgId, "--name", "error tests");
        Client = (client["client_id"]!.GetValue<string>(), client["client_secret"]!.GetValue<string>());
    }

    public Task<string> StandardUserTokenAsync() =>
        Tokens.GetAsync("ZohoBigin.bulk.ALL,ZohoBigin.modules.ALL,ZohoBigin.settings.ALL,ZohoFiles.files.ALL", userId: StandardUserId);

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
