namespace BiginBulk.Server.Http;

/// <summary>
/// Which family of routes a request came through. Bigin routes and CRM v2 use flat shapes (module as a
/// string); CRM v3 and later use objects (<c>"module": {"api_name": …, "id": …}</c>), and Zoho's SDKs for
/// each version fail on the other shape (sdk wire notes §9.1).
/// </summary>
public readonly record struct ApiFamily(bool IsCrm, int Version)
{
    public static ApiFamily Bigin(int version) => new(false, version);

    public bool UsesObjectShapes => IsCrm && Version >= 3;

    /// <summary>Parses the <c>{version}</c> of a CRM route: v2 to v8.</summary>
    public static bool TryParseCrm(string? version, out ApiFamily family)
    {
        family = default;
        if (version is { Length: 2 } && version[0] == 'v' && version[1] is >= '2' and <= '8')
        {
            family = new ApiFamily(true, version[1] - '0');
            return true;
        }

        return false;
    }
}
