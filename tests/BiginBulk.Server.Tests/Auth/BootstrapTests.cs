using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Auth;

public sealed class BootstrapTests
{
    [Fact]
    public async Task First_start_writes_bootstrap_json_readable_only_by_its_owner()
    {
        await using var server = await ServerProcess.StartAsync();
        var path = Path.Combine(server.DataDirectory, "data", "bootstrap.json");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var c = server.Credentials;
        foreach (var value in new[] { c.OrgId, c.UserId, c.ClientId, c.ClientSecret, c.RefreshToken, c.AccessToken, c.ApiDomain })
        {
            Assert.False(string.IsNullOrWhiteSpace(value));
        }

        Assert.Matches("^[0-9]{18,19}$", c.OrgId);
        Assert.Matches("^[0-9]{18,19}$", c.UserId);
        using var client = new BiginClient(server);
        (await client.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Later_starts_reuse_the_org_client_and_records()
    {
        await using var server = await ServerProcess.StartAsync();
        var first = server.Credentials;
        using (var client = new BiginClient(server))
        {
            await client.RunWriteAsync("Last_Name\nKept\n");
        }

        await server.KillAsync();
        await server.StartAgainAsync();

        var second = server.Credentials;
        Assert.Equal(first.OrgId, second.OrgId);
        Assert.Equal(first.ClientId, second.ClientId);
        Assert.Equal(first.RefreshToken, second.RefreshToken);
        using var again = new BiginClient(server);
        var records = await again.ListRecordsAsync("Contacts", "Last_Name");
        Assert.Equal(["Kept"], records.Select(r => r["Last_Name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Health_check_answers_200_when_ready()
    {
        await using var server = await ServerProcess.StartAsync();
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(server.BaseAddress, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
