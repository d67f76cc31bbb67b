using System.Net;
using BiginBulk.Client.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.Wire;

/// <summary>Which host each call goes to, per Zoho data centre.</summary>
public sealed class DataCenterHostTests
{
    [Theory]
    [InlineData(ZohoDataCenter.US, "https://www.zohoapis.com", "https://content.zohoapis.com", "https://accounts.zoho.com")]
    [InlineData(ZohoDataCenter.EU, "https://www.zohoapis.eu", "https://content.zohoapis.eu", "https://accounts.zoho.eu")]
    [InlineData(ZohoDataCenter.AU, "https://www.zohoapis.com.au", "https://content.zohoapis.com.au", "https://accounts.zoho.com.au")]
    [InlineData(ZohoDataCenter.IN, "https://www.zohoapis.in", "https://content.zohoapis.in", "https://accounts.zoho.in")]
    [InlineData(ZohoDataCenter.CN, "https://www.zohoapis.com.cn", "https://content.zohoapis.com.cn", "https://accounts.zoho.com.cn")]
    [InlineData(ZohoDataCenter.JP, "https://www.zohoapis.jp", "https://content.zohoapis.jp", "https://accounts.zoho.jp")]
    [InlineData(ZohoDataCenter.CA, "https://www.zohoapis.ca", "https://upload.zohocloud.ca", "https://accounts.zohocloud.ca")]
    [InlineData(ZohoDataCenter.SA, "https://www.zohoapis.sa", "https://files.zoho.sa", "https://accounts.zoho.sa")]
    public async Task Token_upload_write_read_and_metadata_calls_go_to_the_data_centres_hosts(ZohoDataCenter dc, string api, string upload, string accounts)
    {
        var stub = new StubHandler((request, _) => Task.FromResult(request.Uri.AbsolutePath switch
        {
            "/oauth/v2/token" => StubHandler.Json(ZohoAnswers.Token),
            "/bigin/v2/upload" => StubHandler.Json(ZohoAnswers.Uploaded),
            "/bigin/bulk/v2/write" => StubHandler.Json(ZohoAnswers.WriteCreated, HttpStatusCode.Created),
            "/bigin/bulk/v2/read" => StubHandler.Json(ZohoAnswers.ReadCreated, HttpStatusCode.Created),
            _ => StubHandler.Json(ZohoAnswers.Modules),
        }));
        using var client = new BiginClient(BiginCredential.FromRefreshToken("1000.client", "secret", "1000.refresh"),
            new BiginClientOptions(dc) { OrgId = "12345", Transport = stub });

        var fileId = await client.UploadCsvAsync(new MemoryStream("Last_Name\nLovelace\n"u8.ToArray()), "Contacts.csv");
        await client.StartBulkWriteAsync(new BulkWriteRequest("Contacts", fileId));
        await client.StartBulkReadAsync(new BulkReadQuery("Contacts"));
        await client.GetModulesAsync();

        Assert.Equal(
            [
                $"POST {accounts}/oauth/v2/token",
                $"POST {upload}/bigin/v2/upload",
                $"POST {api}/bigin/bulk/v2/write",
                $"POST {api}/bigin/bulk/v2/read",
                $"GET {api}/bigin/v2/settings/modules",
            ],
            stub.Requests.Select(r => $"{r.Method} {r.Uri}"));
        Assert.All(stub.Requests.Skip(1), r => Assert.Equal("Zoho-oauthtoken 1000.fresh.token", r.Header("Authorization")));
        Assert.Null(stub.Requests[0].Header("Authorization"));
        Assert.Equal("grant_type=refresh_token&client_id=1000.client&client_secret=secret&refresh_token=1000.refresh", stub.Requests[0].BodyText);
    }

    [Fact]
    public async Task A_BiginBulk_server_gets_every_call_on_its_own_base()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(request.Uri.AbsolutePath == "/bigin/v2/upload"
            ? StubHandler.Json(ZohoAnswers.Uploaded)
            : StubHandler.Json(ZohoAnswers.Modules)));
        using var client = new BiginClient(BiginCredential.FromAccessToken("1000.fixed"),
            new BiginClientOptions(BiginEndpoints.ForServer(new Uri("http://127.0.0.1:5080"))) { OrgId = "1", Transport = stub });

        await client.UploadCsvAsync(new MemoryStream("a\n1\n"u8.ToArray()), "a.csv");
        await client.GetFieldsAsync("Contacts");

        Assert.Equal(["http://127.0.0.1:5080/bigin/v2/upload", "http://127.0.0.1:5080/bigin/v2/settings/fields?module=Contacts"],
            stub.Requests.Select(r => r.Uri.ToString()));
    }
}
