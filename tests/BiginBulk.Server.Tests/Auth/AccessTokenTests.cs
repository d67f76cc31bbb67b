using System.Net;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Tests.Infrastructure;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Sqlite;

namespace BiginBulk.Server.Tests.Auth;

public sealed class AccessTokenTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string InvalidTokenBody = """{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}""";

    [Theory]
    [InlineData(null)]
    [InlineData("Zoho-oauthtoken 1000.unknown.token")]
    [InlineData("Zoho-oauthtoken ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Missing_or_unknown_token_is_invalid_token_401(string? header)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.BaseAddress, "/bigin/bulk/v2/write/123"));
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(InvalidTokenBody, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Expired_token_is_invalid_token()
    {
        var token = await StoreTokenAsync(Scopes.All, expires: DateTimeOffset.UtcNow.AddMinutes(-1));
        using var client = new BiginClient(fixture.Server, token);
        var response = await client.GetAsync("/bigin/v2/Contacts");
        response.AssertError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Fact]
    public async Task Revoked_token_is_invalid_token()
    {
        var token = await StoreTokenAsync(Scopes.All, revoked: true);
        using var client = new BiginClient(fixture.Server, token);
        (await client.GetAsync("/bigin/v2/Contacts")).AssertError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Fact]
    public async Task Token_without_the_bulk_scope_gets_oauth_scope_mismatch()
    {
        var token = await StoreTokenAsync(["ZohoBigin.modules.ALL", "ZohoFiles.files.ALL"]);
        using var client = new BiginClient(fixture.Server, token);
        var response = await client.PostJsonAsync("/bigin/bulk/v2/write", """{"operation":"insert"}""");
        response.AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
        (await client.GetAsync("/bigin/bulk/v2/write/1")).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
    }

    [Fact]
    public async Task Token_without_the_module_scope_cannot_import_into_that_module()
    {
        var admin = fixture.Client;
        var fileId = await admin.UploadCsvAsync("Last_Name\nScoped\n");
        var token = await StoreTokenAsync(["ZohoBigin.bulk.CREATE", "ZohoBigin.modules.accounts.ALL"]);
        using var client = new BiginClient(fixture.Server, token);
        var body = $$"""{"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":"{{fileId}}"}]}""";
        (await client.PostJsonAsync("/bigin/bulk/v2/write", body)).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
    }

    [Fact]
    public async Task Module_create_scope_is_enough_to_import_into_that_module()
    {
        var admin = fixture.Client;
        var fileId = await admin.UploadCsvAsync("Last_Name\nScoped\n");
        var token = await StoreTokenAsync(["ZohoBigin.bulk.CREATE", "ZohoBigin.modules.contacts.CREATE"]);
        using var client = new BiginClient(fixture.Server, token);
        var body = $$"""{"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":"{{fileId}}"}]}""";
        (await client.PostJsonAsync("/bigin/bulk/v2/write", body)).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Upload_without_the_files_scope_gets_oauth_scope_mismatch()
    {
        var token = await StoreTokenAsync(["ZohoBigin.bulk.ALL", "ZohoBigin.modules.ALL"]);
        using var client = new BiginClient(fixture.Server, token);
        var response = await client.UploadAsync(ZipFiles.WithCsv("Last_Name\nX\n"));
        response.AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
    }

    [Fact]
    public async Task Tokens_and_secrets_are_stored_only_as_hashes()
    {
        var credentials = fixture.Server.Credentials;
        var stored = await StoredSystemDataAsync();
        Assert.NotEmpty(stored);
        foreach (var (name, bytes) in stored)
        {
            foreach (var secret in new[] { credentials.AccessToken, credentials.RefreshToken, credentials.ClientSecret })
            {
                Assert.False(Contains(bytes, System.Text.Encoding.UTF8.GetBytes(secret)), $"{name} holds a secret in plain text.");
            }
        }

        Assert.Contains(stored, f => Contains(f.Bytes, System.Text.Encoding.UTF8.GetBytes(TokenHasher.Hash(credentials.AccessToken))));
    }

    /// <summary>Everything the system store holds: SQLite's files as they are on disk, or PostgreSQL's rows as text.</summary>
    private async Task<IReadOnlyList<(string Name, byte[] Bytes)>> StoredSystemDataAsync()
    {
        if (fixture.Server.PostgresConnectionString is { } postgres)
        {
            await using var connection = new Npgsql.NpgsqlConnection(postgres);
            await connection.OpenAsync();
            var tables = new List<(string, byte[])>();
            foreach (var table in new[] { "orgs", "users", "oauth_clients", "oauth_tokens" })
            {
                await using var command = new Npgsql.NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM biginbulk.{table} t", connection);
                tables.Add((table, System.Text.Encoding.UTF8.GetBytes((string)(await command.ExecuteScalarAsync())!)));
            }

            return tables;
        }

        var files = new List<(string, byte[])>();
        foreach (var file in Directory.GetFiles(Path.Combine(fixture.Server.DataDirectory, "data"), "system.db*"))
        {
            files.Add((Path.GetFileName(file), await ReadSharedAsync(file)));
        }

        return files;
    }

    private async Task<string> StoreTokenAsync(IReadOnlyList<string> scopes, DateTimeOffset? expires = null, bool revoked = false)
    {
        var token = TokenHasher.NewToken();
        ISystemStore store = fixture.Server.PostgresConnectionString is { } postgres
            ? new BiginBulk.Storage.PostgreSql.PostgreSqlSystemStore(postgres)
            : new SqliteSystemStore(Path.Combine(fixture.Server.DataDirectory, "data"));
        var c = fixture.Server.Credentials;
        await store.StoreTokenAsync(new TokenRecord(
            TokenHasher.Hash(token), TokenKind.Access, c.ClientId, long.Parse(c.OrgId, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(c.UserId, System.Globalization.CultureInfo.InvariantCulture), scopes, expires ?? DateTimeOffset.UtcNow.AddHours(1), revoked));
        return token;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
