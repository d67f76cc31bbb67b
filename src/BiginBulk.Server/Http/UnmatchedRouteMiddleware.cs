namespace BiginBulk.Server.Http;

/// <summary>
/// Answers requests no route takes in Zoho's words: an unknown path is 404 <c>INVALID_URL_PATTERN</c>, a
/// known path with the wrong method is 400 <c>INVALID_REQUEST_METHOD</c> (where ASP.NET would say 405).
/// </summary>
internal sealed class UnmatchedRouteMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            await ZohoErrors.InvalidUrlPattern().ToResult().ExecuteAsync(context);
            return;
        }

        // Routing selects this endpoint when the path matched but no route accepts the method.
        if (endpoint.DisplayName == "405 HTTP Method Not Supported")
        {
            await ZohoErrors.InvalidRequestMethod().ToResult().ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
