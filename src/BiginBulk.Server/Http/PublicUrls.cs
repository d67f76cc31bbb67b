using BiginBulk.Server.Options;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Http;

/// <summary>The absolute base URL clients reach us at: <c>BiginBulk:PublicBaseUrl</c>, or the request's own.</summary>
public sealed class PublicUrls(IOptions<BiginBulkOptions> options)
{
    public string BaseUrl(HttpRequest request) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}"
            : options.Value.PublicBaseUrl.TrimEnd('/');
}
