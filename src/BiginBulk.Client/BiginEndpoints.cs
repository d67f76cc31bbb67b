namespace BiginBulk.Client;

/// <summary>
/// The three bases a Bigin client talks to: the API (jobs, metadata), the upload (content) host, and the
/// accounts host that issues tokens. Zoho's cloud has different hosts per data centre; a BiginBulk server
/// answers all three on one base.
/// </summary>
public sealed class BiginEndpoints
{
    /// <summary>Creates endpoints from explicit bases.</summary>
    /// <param name="api">Base of the API calls (<c>/bigin/bulk/v2/…</c>, <c>/bigin/v2/…</c>).</param>
    /// <param name="upload">Base of <c>/bigin/v2/upload</c>.</param>
    /// <param name="accounts">Base of <c>/oauth/v2/token</c>.</param>
    public BiginEndpoints(Uri api, Uri upload, Uri accounts)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(accounts);
        Api = WithoutTrailingSlash(api);
        Upload = WithoutTrailingSlash(upload);
        Accounts = WithoutTrailingSlash(accounts);
    }

    /// <summary>Base of the API calls.</summary>
    public Uri Api { get; }

    /// <summary>Base of the upload call.</summary>
    public Uri Upload { get; }

    /// <summary>Base of the token endpoint.</summary>
    public Uri Accounts { get; }

    /// <summary>A BiginBulk server, which answers API, upload and token calls on one base URI.</summary>
    /// <param name="server">The server, e.g. <c>http://127.0.0.1:5080</c>.</param>
    public static BiginEndpoints ForServer(Uri server) => new(server, server, server);

    /// <summary>Zoho's hosts for a data centre.</summary>
    /// <param name="dataCenter">The data centre of the Bigin account.</param>
    public static BiginEndpoints ForDataCenter(ZohoDataCenter dataCenter)
    {
        // Hosts per Zoho's multi-DC pages: CA and SA put accounts and uploads on hosts of their own.
        var (api, upload, accounts) = dataCenter switch
        {
            ZohoDataCenter.US => ("www.zohoapis.com", "content.zohoapis.com", "accounts.zoho.com"),
            ZohoDataCenter.EU => ("www.zohoapis.eu", "content.zohoapis.eu", "accounts.zoho.eu"),
            ZohoDataCenter.AU => ("www.zohoapis.com.au", "content.zohoapis.com.au", "accounts.zoho.com.au"),
            ZohoDataCenter.IN => ("www.zohoapis.in", "content.zohoapis.in", "accounts.zoho.in"),
            ZohoDataCenter.CN => ("www.zohoapis.com.cn", "content.zohoapis.com.cn", "accounts.zoho.com.cn"),
            ZohoDataCenter.JP => ("www.zohoapis.jp", "content.zohoapis.jp", "accounts.zoho.jp"),
            ZohoDataCenter.CA => ("www.zohoapis.ca", "upload.zohocloud.ca", "accounts.zohocloud.ca"),
            ZohoDataCenter.SA => ("www.zohoapis.sa", "files.zoho.sa", "accounts.zoho.sa"),
            _ => throw new ArgumentOutOfRangeException(nameof(dataCenter), dataCenter, "Unknown Zoho data centre."),
        };
        return new BiginEndpoints(new Uri("https://" + api), new Uri("https://" + upload), new Uri("https://" + accounts));
    }

    internal Uri ApiPath(string relative) => new(Api.ToString().TrimEnd('/') + relative);

    internal Uri UploadPath(string relative) => new(Upload.ToString().TrimEnd('/') + relative);

    internal Uri TokenUri => new(Accounts.ToString().TrimEnd('/') + "/oauth/v2/token");

    private static Uri WithoutTrailingSlash(Uri uri) =>
        uri.IsAbsoluteUri ? uri : throw new ArgumentException("The URI must be absolute.", nameof(uri));
}
