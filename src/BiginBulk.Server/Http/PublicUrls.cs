using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Http;

/// <summary>The absolute base URL clients reach us at: <c>BiginBulk:PublicBaseUrl</c>, or the request's own.</summary>
internal sealed class PublicUrls(IOptions<BiginBulkOptions> options, IConfiguration configuration)
{
    /// <summary>For work done outside a request (callbacks): <c>PublicBaseUrl</c>, else the first listening URL.</summary>
    public string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        var urls = configuration["urls"] ?? configuration["Urls"] ?? "http://127.0.0.1:5080";
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('/');
    }

    public string BaseUrl(HttpRequest request) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}"
            : options.Value.PublicBaseUrl.TrimEnd('/');
}
