using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Auth;

public sealed class TokenEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Refresh_grant_in_a_form_body_returns_a_working_access_token()
    {
        var response = await PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = Server.Credentials.ClientId,
            ["client_secret"] = Server.Credentials.ClientSecret,
            ["refresh_token"] = Server.Credentials.RefreshToken,
        });

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", response.ContentType);
        var json = response.Json.AsObject();
        Assert.Equal("Bearer", json["token_type"]!.GetValue<string>());
        Assert.Equal(3600, json["expires_in"]!.GetValue<int>());
        Assert.Equal(Server.BaseAddress.ToString().TrimEnd('/'), json["api_domain"]!.GetValue<string>());
        var token = json["access_token"]!.GetValue<string>();
        Assert.NotEqual(Server.Credentials.AccessToken, token);
        Assert.Matches("^[A-Za-z0-9.]+$", token);

        using var client = new BiginClient(Server, token);
        (await client.GetAsync("/bigin/v2/Contacts")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Refresh_grant_in_the_query_string_is_accepted_as_in_zohos_docs()
    {
        using var http = new HttpClient();
        var c = Server.Credentials;
        var url = new Uri(Server.BaseAddress, $"/oauth/v2/token?grant_type=refresh_token&client_id={c.ClientId}&client_secret={c.ClientSecret}&refresh_token={c.RefreshToken}");
        using var response = await http.PostAsync(url, content: null);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(json["access_token"]);
    }

    [Fact]
    public async Task Wrong_client_secret_answers_invalid_client_with_http_200()
    {
        var response = await PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = Server.Credentials.ClientId,
            ["client_secret"] = "wrong",
            ["refresh_token"] = Server.Credentials.RefreshToken,
        });

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("""{"error":"invalid_client"}""", response.Text);
    }

    [Fact]
    public async Task Unknown_refresh_token_answers_invalid_code()
    {
        var response = await PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = Server.Credentials.ClientId,
            ["client_secret"] = Server.Credentials.ClientSecret,
            ["refresh_token"] = "1000.0000.0000",
        });

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("""{"error":"invalid_code"}""", response.Text);
    }

    [Fact]
    public async Task Access_token_is_not_accepted_as_a_refresh_token()
    {
        var response = await PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = Server.Credentials.ClientId,
            ["client_secret"] = Server.Credentials.ClientSecret,
            ["refresh_token"] = Server.Credentials.AccessToken,
        });

        Assert.Equal("invalid_code", response.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unsupported_grant_type_is_an_error_not_a_token()
    {
        var response = await PostTokenAsync(new Dictionary<string, string> { ["grant_type"] = "password" });
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Null(response.Json["access_token"]);
        Assert.Equal("unsupported_grant_type", response.Json["error"]!.GetValue<string>());
    }

    private async Task<Response> PostTokenAsync(Dictionary<string, string> form)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Server.BaseAddress, "/oauth/v2/token"), new FormUrlEncodedContent(form));
        return new Response(response.StatusCode, response.Content.Headers.ContentType?.ToString(), null, await response.Content.ReadAsByteArrayAsync(), response.Headers);
    }
}
