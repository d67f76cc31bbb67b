using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Startup;

/// <summary>
/// The host's own ways of choosing where to listen all work (the shipped appsettings.json names no address, so
/// nothing outranks them); only when none is used does the server default to http://127.0.0.1:5080.
/// </summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task ASPNETCORE_URLS_decides_where_the_server_listens()
    {
        await using var launch = new ServerLaunch();
        await launch.UseTestStore();
        var address = new Uri($"http://127.0.0.1:{ServerLaunch.FreePort()}/");
        launch.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');

        await launch.StartAsync(address);
    }

    [Fact]
    public async Task The_urls_argument_decides_where_the_server_listens()
    {
        await using var launch = new ServerLaunch();
        await launch.UseTestStore();
        var address = new Uri($"http://127.0.0.1:{ServerLaunch.FreePort()}/");
        launch.Arguments.AddRange(["--urls", address.ToString().TrimEnd('/')]);

        await launch.StartAsync(address);
    }

    [Fact]
    public async Task The_urls_argument_outranks_ASPNETCORE_URLS()
    {
        await using var launch = new ServerLaunch();
        await launch.UseTestStore();
        var address = new Uri($"http://127.0.0.1:{ServerLaunch.FreePort()}/");
        launch.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ServerLaunch.FreePort()}";
        launch.Arguments.AddRange(["--urls", address.ToString().TrimEnd('/')]);

        await launch.StartAsync(address);
    }

    [Fact]
    public async Task A_Kestrel_endpoint_in_configuration_decides_where_the_server_listens()
    {
        await using var launch = new ServerLaunch();
        await launch.UseTestStore();
        var address = new Uri($"http://127.0.0.1:{ServerLaunch.FreePort()}/");
        launch.Environment["Kestrel__Endpoints__Http__Url"] = address.ToString().TrimEnd('/');

        await launch.StartAsync(address);

        // Kestrel warns "Overriding address(es)" when another address was also set: none was.
        Assert.DoesNotContain("Overriding", launch.Stdout + launch.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_settings_name_no_address_that_would_outrank_the_environment()
    {
        var settings = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));

        using var json = System.Text.Json.JsonDocument.Parse(settings);
        Assert.DoesNotContain(json.RootElement.EnumerateObject(), p => p.Name.Equals("Urls", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(json.RootElement.EnumerateObject(), p => p.Name.Equals("Kestrel", StringComparison.OrdinalIgnoreCase));
    }
}
