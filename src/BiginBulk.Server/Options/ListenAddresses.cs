namespace BiginBulk.Server.Options;

/// <summary>
/// Where the server listens when nobody said: loopback port 5080. appsettings.json names no address, because a
/// <c>Urls</c> key there outranks <c>ASPNETCORE_URLS</c> (the host reads prefixed environment variables first),
/// which containers rely on. So the default is applied in code, and only when none of the host's own ways of
/// choosing an address is used: <c>--urls</c>, <c>ASPNETCORE_URLS</c>/<c>DOTNET_URLS</c>, <c>Urls</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, or <c>Kestrel:Endpoints</c>.
/// </summary>
internal static class ListenAddresses
{
    public const string Default = "http://127.0.0.1:5080";

    public static bool NoneConfigured(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["urls"])
        && string.IsNullOrWhiteSpace(configuration["http_ports"])
        && string.IsNullOrWhiteSpace(configuration["https_ports"])
        && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
