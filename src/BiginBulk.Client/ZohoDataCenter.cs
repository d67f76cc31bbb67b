namespace BiginBulk.Client;

/// <summary>A Zoho data centre: it decides the API, upload (content) and accounts hosts.</summary>
public enum ZohoDataCenter
{
    /// <summary>United States (<c>zohoapis.com</c>).</summary>
    US,

    /// <summary>Europe (<c>zohoapis.eu</c>).</summary>
    EU,

    /// <summary>Australia (<c>zohoapis.com.au</c>).</summary>
    AU,

    /// <summary>India (<c>zohoapis.in</c>).</summary>
    IN,

    /// <summary>China (<c>zohoapis.com.cn</c>).</summary>
    CN,

    /// <summary>Japan (<c>zohoapis.jp</c>).</summary>
    JP,

    /// <summary>Canada (<c>zohoapis.ca</c>, accounts and uploads on <c>zohocloud.ca</c>).</summary>
    CA,

    /// <summary>Saudi Arabia (<c>zohoapis.sa</c>, uploads on <c>files.zoho.sa</c>).</summary>
    SA,
}
