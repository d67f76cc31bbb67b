namespace BiginBulk.Server.Auth;

/// <summary>Endpoint metadata: the route needs <c>Authorization: Zoho-oauthtoken …</c>.</summary>
internal sealed class RequiresZohoAuth
{
    public static readonly RequiresZohoAuth Instance = new();

    private RequiresZohoAuth()
    {
    }
}
