namespace BiginBulk.Server.Auth;

internal static class RequireZohoAuthExtensions
{
    /// <summary>Marks a route as needing a Zoho access token (see <see cref="ZohoAuthMiddleware"/>).</summary>
    public static RouteHandlerBuilder RequireZohoAuth(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(RequiresZohoAuth.Instance);
}
