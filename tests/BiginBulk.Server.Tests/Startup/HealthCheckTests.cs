using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Startup;

/// <summary>/healthz is readiness (the store answers), /healthz/live is liveness; neither needs a token.</summary>
public sealed class HealthCheckTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/live")]
    public async Task A_ready_server_answers_200_Healthy_without_a_token(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(fixture.Server.BaseAddress, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }
}
