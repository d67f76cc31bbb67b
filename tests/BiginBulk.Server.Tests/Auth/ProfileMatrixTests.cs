using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Auth;

/// <summary>
/// Each profile against each REST route, with every scope granted, so only the profile decides: the
/// expected status (and code) comes from the rules in <c>Auth/Profiles.cs</c>.
/// </summary>
public sealed class ProfileMatrixTests(ProfileMatrixTests.Org org) : IClassFixture<ProfileMatrixTests.Org>
{
    /// <summary>The expected status of a bulk route refused for the profile: 400 with AUTHORIZATION_FAILED
    /// (a status the other routes' 400s never share with a non-administrator in this table).</summary>
    private const int BulkRefused = -400;

    private const string AllScopes = "ZohoBigin.bulk.ALL,ZohoBigin.modules.ALL,ZohoBigin.settings.ALL,ZohoBigin.users.ALL,ZohoBigin.org.ALL,ZohoFiles.files.ALL";

    public static TheoryData<string, string, string, int> Cases()
    {
        var data = new TheoryData<string, string, string, int>();
        (string Method, string Path, int Admin, int Standard, int ReadOnly)[] routes =
        [
            ("GET", "/bigin/v2/users", 200, 200, 200),
            ("GET", "/crm/v8/users?type=CurrentUser", 200, 200, 200),
            ("GET", "/bigin/v2/users/{self}", 200, 200, 200),
            ("POST", "/bigin/v2/users", 400, 403, 403),
            ("PUT", "/bigin/v2/users/{self}", 200, 403, 403),
            ("GET", "/crm/v8/org", 200, 200, 200),
            ("GET", "/oauth/user/info", 200, 200, 200),
            ("GET", "/crm/v8/settings/fields?module=Contacts", 200, 200, 200),
            ("GET", "/crm/v8/settings/modules", 200, 200, 200),
            ("GET", "/bigin/v2/settings/layouts?module=Contacts", 200, 200, 200),
            ("GET", "/bigin/v2/Contacts", 204, 204, 204),
            ("GET", "/crm/v8/Contacts/1", 204, 204, 204),
            ("GET", "/bigin/v2/Contacts/search?word=zz", 204, 204, 204),
            // Bulk jobs are a profile privilege: Zoho's bulk pages answer 400 AUTHORIZATION_FAILED without it.
            ("POST", "/bigin/bulk/v2/read", 400, BulkRefused, BulkRefused),
            ("GET", "/bigin/bulk/v2/write/1", 404, BulkRefused, BulkRefused),
        ];
        foreach (var (method, path, admin, standard, readOnly) in routes)
        {
            data.Add("Administrator", method, path, admin);
            data.Add("Standard", method, path, standard);
            data.Add("Read Only", method, path, readOnly);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_profile_gets_the_status_its_rules_give(string profile, string method, string path, int expected)
    {
        var (client, userId) = await org.ClientForAsync(profile);
        // A body that passes the route's shape checks only where the profile check comes first: an
        // administrator's POST then fails validation (400), everyone else's the profile check (403).
        var body = method == "GET" ? null : RawRequests.JsonText(path.Contains("users", StringComparison.Ordinal) ? """{"users":[{"locale":"en_US"}]}""" : "{}");
        var response = await client.SendAsync(new HttpMethod(method), path.Replace("{self}", userId, StringComparison.Ordinal), body);

        var status = Math.Abs(expected);
        Assert.True((int)response.Status == status, $"{profile} {method} {path}: expected {status}, got {(int)response.Status} {response.Text}");
        if (expected == 403)
        {
            response.AssertError(HttpStatusCode.Forbidden, "NO_PERMISSION");
        }
        else if (expected == BulkRefused)
        {
            response.AssertError(HttpStatusCode.BadRequest, "AUTHORIZATION_FAILED");
        }
    }

    /// <summary>One org with a user of each profile, each with an all-scopes token.</summary>
    public sealed class Org : IAsyncLifetime
    {
        private readonly Dictionary<string, (BiginClient, string)> _clients = new(StringComparer.Ordinal);

        public ServerProcess Server { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Server = await ServerProcess.StartAsync();
            _clients["Administrator"] = (new BiginClient(Server, await ScopedTokens.MintAsync(Server, AllScopes, Server.Credentials.ClientId)), Server.Credentials.UserId);
            foreach (var profile in new[] { "Standard", "Read Only" })
            {
                var user = await AdminTool.RunJsonAsync(Server, "user", "create", "--org", Server.Credentials.OrgId,
                    "--email", $"{profile.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}@biginbulk.local", "--last-name", profile, "--profile", profile);
                var id = user["id"]!.GetValue<string>();
                _clients[profile] = (new BiginClient(Server, await ScopedTokens.MintAsync(Server, AllScopes, Server.Credentials.ClientId, id)), id);
            }
        }

        public Task<(BiginClient Client, string UserId)> ClientForAsync(string profile) => Task.FromResult(_clients[profile]);

        public async ValueTask DisposeAsync()
        {
            foreach (var (client, _) in _clients.Values)
            {
                client.Dispose();
            }

            if (Server is not null)
            {
                await Server.DisposeAsync();
            }
        }
    }
}
