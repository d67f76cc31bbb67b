using BiginBulk.Core.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace BiginBulk.Server.Http;

/// <summary>
/// Answers an over-long request line (414) or over-large headers (431) with Zoho's error envelope. Kestrel's
/// own refusals of those cannot be given a body (its bad-request responses are written before any app code
/// runs and are not customisable), so Kestrel's limits are raised to <see cref="KestrelRequestLineLimit"/> and
/// <see cref="KestrelHeadersLimit"/> and the usual limits, 8 KiB and 32 KiB, are enforced here instead. Only a
/// request past the raised limits, or one Kestrel cannot parse at all (<c>%00</c> in the path, a malformed
/// request line), still gets Kestrel's empty-bodied 400/414/431.
/// </summary>
internal sealed class RequestSizeGuardMiddleware(RequestDelegate next)
{
    /// <summary>The longest request line (method, target, protocol) the app answers normally.</summary>
    public const int MaxRequestLine = 8 * 1024;

    /// <summary>The largest total of request headers the app answers normally.</summary>
    public const int MaxHeaders = 32 * 1024;

    /// <summary>What Kestrel is set to accept, so the limits above are the app's to answer.</summary>
    public const int KestrelRequestLineLimit = 64 * 1024;

    /// <inheritdoc cref="KestrelRequestLineLimit"/>
    public const int KestrelHeadersLimit = 128 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.PathBase + request.Path + request.QueryString).ToString();
        if (request.Method.Length + target.Length + request.Protocol.Length + 2 > MaxRequestLine)
        {
            return new ZohoError(414, "INVALID_REQUEST", $"The request line is longer than {MaxRequestLine} bytes: shorten the URL.").ToResult().ExecuteAsync(context);
        }

        long headers = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                // As on the wire: "name: value\r\n".
                headers += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        return headers > MaxHeaders
            ? new ZohoError(431, "INVALID_REQUEST", $"The request headers are larger than {MaxHeaders} bytes.").ToResult().ExecuteAsync(context)
            : next(context);
    }
}
