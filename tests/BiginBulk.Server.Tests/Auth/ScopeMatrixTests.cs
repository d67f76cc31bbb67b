using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Auth;

/// <summary>
/// Route by route, the smallest scope sets Zoho's pages list for it are accepted, and sets one scope short
/// (or with the right scope for the wrong module or operation) get 401 <c>OAUTH_SCOPE_MISMATCH</c>.
/// Tokens are minted with the real admin tool. Accepted means the route's success status: the scope check
/// passed and the request did what it asks.
/// </summary>
public sealed class ScopeMatrixTests(ScopeMatrixFixture fixture) : IClassFixture<ScopeMatrixFixture>
{
    public static TheoryData<string, string> Accepted => new()
    {
        { "upload", "ZohoFiles.files.ALL" },
        { "upload-crm", "ZohoFiles.files.ALL" },

        { "write-create", "ZohoBigin.bulk.CREATE,ZohoBigin.modules.ALL" },
        { "write-create", "ZohoBigin.bulk.ALL,ZohoBigin.modules.contacts.ALL" },
        { "write-create", "ZohoBigin.bulk.CREATE,ZohoBigin.modules.contacts.CREATE" },
        { "write-create", "ZohoBigin.bulk.create,ZohoBigin.modules.Contacts.Create" },
        { "write-create-crm", "ZohoCRM.bulk.CREATE,ZohoCRM.modules.contacts.CREATE" },
        { "write-create-crm", "ZohoCRM.bulk.ALL,ZohoCRM.modules.ALL" },
        { "write-details", "ZohoBigin.bulk.CREATE" },
        { "write-details", "ZohoBigin.bulk.ALL" },
        { "write-details-crm", "ZohoCRM.bulk.CREATE" },
        { "write-download", "ZohoBigin.bulk.CREATE" },
        { "write-download", "ZohoCRM.bulk.ALL" },

        // Bigin's v1 page: ZohoBigin.bulk.read "(and)" ZohoBigin.modules.{module}.{READ|ALL}.
        { "read-v1-create", "ZohoBigin.bulk.read,ZohoBigin.modules.contacts.READ" },
        { "read-v1-create", "ZohoBigin.bulk.read,ZohoBigin.modules.ALL" },
        { "read-v1-details", "ZohoBigin.bulk.read,ZohoBigin.modules.contacts.READ" },
        { "read-v1-details", "ZohoBigin.bulk.ALL,ZohoBigin.modules.contacts.ALL" },
        { "read-v1-result", "ZohoBigin.bulk.read,ZohoBigin.modules.contacts.ALL" },

        { "read-v2-create", "ZohoBigin.bulk.READ,ZohoBigin.modules.contacts.READ" },
        { "read-v2-create", "ZohoBigin.bulk.READ,ZohoBigin.modules.contacts.ALL" },
        { "read-v2-create", "ZohoBigin.bulk.ALL,ZohoBigin.modules.ALL" },
        { "read-v2-details", "ZohoBigin.bulk.READ,ZohoBigin.modules.contacts.READ" },
        { "read-v2-result", "ZohoBigin.bulk.READ,ZohoBigin.modules.contacts.READ" },
        { "read-crm-create", "ZohoCRM.bulk.READ,ZohoCRM.modules.contacts.READ" },
        { "read-crm-create", "ZohoCRM.bulk.read,ZohoCRM.modules.ALL" },
        { "read-crm-details", "ZohoCRM.bulk.READ,ZohoCRM.modules.contacts.READ" },

        { "records-list", "ZohoBigin.modules.ALL" },
        { "records-list", "ZohoBigin.modules.contacts.ALL" },
        { "records-list", "ZohoBigin.modules.contacts.READ" },
        { "record-get", "ZohoBigin.modules.contacts.READ" },

        { "settings-modules", "ZohoBigin.settings.modules.READ" },
        { "settings-modules", "ZohoBigin.settings.modules.ALL" },
        { "settings-modules", "ZohoBigin.settings.ALL" },
        { "settings-fields", "ZohoBigin.settings.fields.READ" },
        { "settings-fields", "ZohoBigin.settings.ALL" },
        { "custom-views-list", "ZohoBigin.settings.custom_views.READ" },
        { "custom-views-list", "ZohoBigin.settings.ALL" },
        { "custom-views-create", "ZohoBigin.settings.custom_views.ALL" },
        { "custom-views-create", "ZohoBigin.settings.custom_views.CREATE" },
        { "custom-views-create", "ZohoBigin.settings.ALL" },
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "upload", "ZohoBigin.bulk.ALL,ZohoBigin.modules.ALL,ZohoBigin.settings.ALL" },
        { "upload", "ZohoFiles.files.READ" },
        { "upload-crm", "ZohoCRM.bulk.ALL,ZohoCRM.modules.ALL" },

        { "write-create", "ZohoBigin.modules.ALL" },
        { "write-create", "ZohoBigin.bulk.READ,ZohoBigin.modules.ALL" },
        { "write-create", "ZohoBigin.bulk.CREATE" },
        { "write-create", "ZohoBigin.bulk.CREATE,ZohoBigin.modules.accounts.ALL" },
        { "write-create", "ZohoBigin.bulk.CREATE,ZohoBigin.modules.contacts.READ" },
        { "write-create-crm", "ZohoCRM.bulk.CREATE" },
        { "write-create-crm", "ZohoCRM.modules.contacts.CREATE" },
        { "write-details", "ZohoBigin.bulk.READ" },
        { "write-details", "ZohoBigin.modules.ALL,ZohoBigin.settings.ALL,ZohoFiles.files.ALL" },
        { "write-details-crm", "ZohoCRM.bulk.READ" },
        { "write-download", "ZohoBigin.bulk.READ,ZohoBigin.modules.ALL" },

        { "read-v1-create", "ZohoBigin.bulk.CREATE" },
        { "read-v1-create", "ZohoBigin.bulk.read" },
        { "read-v1-create", "ZohoBigin.modules.contacts.READ" },
        { "read-v1-create", "ZohoBigin.modules.ALL" },
        { "read-v1-details", "ZohoBigin.bulk.read" },
        { "read-v1-details", "ZohoBigin.modules.contacts.READ" },
        { "read-v1-result", "ZohoBigin.bulk.read" },
        { "read-v1-result", "ZohoBigin.modules.contacts.ALL" },
        { "read-v1-create", "ZohoBigin.modules.accounts.READ" },
        { "read-v1-create", "ZohoBigin.modules.contacts.CREATE" },
        { "read-v1-create", "ZohoBigin.settings.modules.READ" },
        { "read-v1-details", "ZohoBigin.bulk.CREATE" },
        { "read-v1-details", "ZohoBigin.settings.modules.READ" },
        { "read-v1-details", "ZohoBigin.modules.accounts.READ" },
        { "read-v1-details", "ZohoBigin.modules.contacts.CREATE" },
        { "read-v1-result", "ZohoBigin.settings.modules.ALL" },
        { "read-v1-result", "ZohoBigin.modules.accounts.ALL" },

        { "read-v2-create", "ZohoBigin.bulk.READ" },
        { "read-v2-create", "ZohoBigin.modules.contacts.READ" },
        { "read-v2-create", "ZohoBigin.bulk.READ,ZohoBigin.modules.accounts.READ" },
        { "read-v2-create", "ZohoBigin.bulk.CREATE,ZohoBigin.modules.contacts.READ" },
        { "read-v2-create", "ZohoBigin.bulk.READ,ZohoBigin.modules.contacts.CREATE" },
        { "read-v2-details", "ZohoBigin.bulk.READ" },
        { "read-v2-details", "ZohoBigin.modules.contacts.READ" },
        { "read-v2-details", "ZohoBigin.bulk.READ,ZohoBigin.modules.accounts.READ" },
        { "read-v2-details", "ZohoBigin.bulk.READ,ZohoBigin.settings.modules.READ" },
        { "read-v2-result", "ZohoBigin.bulk.READ,ZohoBigin.modules.contacts.CREATE" },
        { "read-v2-result", "ZohoBigin.bulk.READ,ZohoBigin.modules.accounts.ALL" },
        { "read-crm-create", "ZohoCRM.bulk.read" },
        { "read-crm-details", "ZohoCRM.modules.contacts.READ" },

        { "records-list", "ZohoBigin.modules.contacts.CREATE" },
        { "records-list", "ZohoBigin.modules.accounts.READ" },
        { "records-list", "ZohoBigin.bulk.ALL,ZohoBigin.settings.ALL,ZohoFiles.files.ALL" },
        { "record-get", "ZohoBigin.modules.accounts.ALL" },

        { "settings-modules", "ZohoBigin.settings.fields.READ" },
        { "settings-modules", "ZohoBigin.modules.ALL,ZohoBigin.bulk.ALL" },
        { "settings-fields", "ZohoBigin.settings.modules.READ" },
        { "settings-fields", "ZohoBigin.modules.ALL" },
        { "custom-views-list", "ZohoBigin.settings.fields.ALL" },
        { "custom-views-list", "ZohoBigin.modules.ALL" },
        { "custom-views-create", "ZohoBigin.settings.custom_views.READ" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Route_accepts_its_minimal_scopes(string route, string scopes)
    {
        using var client = new BiginClient(fixture.Server, await fixture.Tokens.GetAsync(scopes));

        var response = await fixture.SendAsync(client, route);

        response.AssertStatus(ScopeMatrixFixture.SuccessStatus(route));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Route_refuses_scopes_one_short_with_oauth_scope_mismatch(string route, string scopes)
    {
        using var client = new BiginClient(fixture.Server, await fixture.Tokens.GetAsync(scopes));

        var response = await fixture.SendAsync(client, route);

        var json = response.AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
        Assert.StartsWith("Zoho", json["details"]!["required_scope"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_route_of_the_matrix_has_an_accepted_and_a_refused_row()
    {
        var accepted = Accepted.Select(r => r.Data.Item1).ToHashSet(StringComparer.Ordinal);
        var refused = Refused.Select(r => r.Data.Item1).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ScopeMatrixFixture.Routes.Order(StringComparer.Ordinal), accepted.Order(StringComparer.Ordinal));
        Assert.Equal(ScopeMatrixFixture.Routes.Order(StringComparer.Ordinal), refused.Order(StringComparer.Ordinal));
    }
}

/// <summary>A server with a file, a finished write job, a finished read job and a record to ask about.</summary>
public sealed class ScopeMatrixFixture : IAsyncLifetime
{
    public static readonly IReadOnlyList<string> Routes =
    [
        "upload", "upload-crm", "write-create", "write-create-crm", "write-details", "write-details-crm", "write-download",
        "read-v1-create", "read-v1-details", "read-v1-result", "read-v2-create", "read-v2-details", "read-v2-result",
        "read-crm-create", "read-crm-details", "records-list", "record-get", "settings-modules", "settings-fields",
        "custom-views-list", "custom-views-create",
    ];

    public ServerProcess Server { get; private set; } = null!;

    public ScopedTokens Tokens { get; private set; } = null!;

    private string FileId { get; set; } = "";

    private string WriteJobId { get; set; } = "";

    private string WriteDownloadPath { get; set; } = "";

    private string ReadJobId { get; set; } = "";

    private string RecordId { get; set; } = "";

    public static HttpStatusCode SuccessStatus(string route) => route switch
    {
        "write-create" or "write-create-crm" or "read-v1-create" or "read-v2-create" or "read-crm-create" or "custom-views-create" => HttpStatusCode.Created,
        _ => HttpStatusCode.OK,
    };

    public async ValueTask InitializeAsync()
    {
        // Many jobs and downloads in a minute: raise the limits that would otherwise answer 429 first.
        Server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:MaxConcurrentJobsPerOrg"] = "1000",
            ["BiginBulk:Limits:ReadDownloadsPerMinute"] = "1000",
        });
        Tokens = new ScopedTokens(Server);
        using var admin = new BiginClient(Server);
        var run = await admin.RunWriteAsync("Last_Name\nScoped\n");
        WriteJobId = run.JobId;
        FileId = await admin.UploadCsvAsync("Last_Name\nScoped\n");
        WriteDownloadPath = new Uri(run.Job["result"]!["download_url"]!.GetValue<string>()).AbsolutePath;
        RecordId = run.Result.Cell(0, "RECORD_ID");
        ReadJobId = (await admin.RunReadAsync(new JsonObject { ["module"] = "Contacts", ["fields"] = new JsonArray("Last_Name") })).JobId;
    }

    public Task<Response> SendAsync(BiginClient client, string route) => route switch
    {
        "upload" => client.UploadAsync(ZipFiles.WithCsv("Last_Name\nUp\n")),
        "upload-crm" => client.UploadAsync(ZipFiles.WithCsv("Last_Name\nUp\n"), path: "/crm/v8/upload"),
        "write-create" => client.PostJsonAsync("/bigin/bulk/v2/write", WriteJobs.Body(FileId)),
        "write-create-crm" => client.PostJsonAsync("/crm/bulk/v8/write", WriteJobs.Body(FileId)),
        "write-details" => client.GetAsync($"/bigin/bulk/v2/write/{WriteJobId}"),
        "write-details-crm" => client.GetAsync($"/crm/bulk/v8/write/{WriteJobId}"),
        "write-download" => client.GetAsync(WriteDownloadPath),
        "read-v1-create" => client.PostJsonAsync("/bigin/bulk/v1/read", """{"query":{"module":"Contacts","fields":["Last_Name"]}}"""),
        "read-v1-details" => client.GetAsync($"/bigin/bulk/v1/read/{ReadJobId}"),
        "read-v1-result" => client.GetAsync($"/bigin/bulk/v1/read/{ReadJobId}/result"),
        "read-v2-create" => client.PostJsonAsync("/bigin/bulk/v2/read", """{"query":{"module":"Contacts","fields":["Last_Name"]}}"""),
        "read-v2-details" => client.GetAsync($"/bigin/bulk/v2/read/{ReadJobId}"),
        "read-v2-result" => client.GetAsync($"/bigin/bulk/v2/read/{ReadJobId}/result"),
        "read-crm-create" => client.PostJsonAsync("/crm/bulk/v8/read", """{"query":{"module":{"api_name":"Contacts"},"fields":["Last_Name"]}}"""),
        "read-crm-details" => client.GetAsync($"/crm/bulk/v8/read/{ReadJobId}"),
        "records-list" => client.GetAsync("/bigin/v2/Contacts?fields=Last_Name"),
        "record-get" => client.GetAsync($"/bigin/v2/Contacts/{RecordId}"),
        "settings-modules" => client.GetAsync("/bigin/v2/settings/modules"),
        "settings-fields" => client.GetAsync("/bigin/v2/settings/fields?module=Contacts"),
        "custom-views-list" => client.GetAsync("/bigin/v2/settings/custom_views?module=Contacts"),
        "custom-views-create" => client.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Contacts", $$"""{"name":"View {{Guid.NewGuid():N}}"}"""),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "not a route of the matrix"),
    };

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
