namespace BiginBulk.Server.Http;

/// <summary>
/// Which family of routes a request came through. Bigin routes and CRM v2 use flat shapes (module as a
/// string); CRM v3 and later use objects (<c>"module": {"api_name": …, "id": …}</c>), and Zoho's SDKs for
/// each version fail on the other shape (sdk wire notes §9.1).
/// </summary>
internal readonly record struct ApiFamily(bool IsCrm, int Version)
{
    public static ApiFamily Bigin(int version) => new(false, version);

    public bool UsesObjectShapes => IsCrm && Version >= 3;

    /// <summary>How a job records the family it was created on: <c>bigin/v2</c>, <c>crm/v8</c>.</summary>
    public string RouteName => $"{(IsCrm ? "crm" : "bigin")}/v{Version}";

    /// <summary>The bulk read routes' prefix of this family: <c>/bigin/bulk/v1/read</c>, <c>/crm/bulk/v8/read</c>.</summary>
    public string ReadPrefix => $"/{(IsCrm ? "crm" : "bigin")}/bulk/v{Version}/read";

    /// <summary>The family a job recorded with <see cref="RouteName"/>; Bigin v2 for a job that recorded none.</summary>
    public static ApiFamily FromRouteName(string? name) => name switch
    {
        ['b', 'i', 'g', 'i', 'n', '/', 'v', var v] when v is '1' or '2' => Bigin(v - '0'),
        ['c', 'r', 'm', '/', 'v', var v] when v is >= '2' and <= '8' => new ApiFamily(true, v - '0'),
        _ => Bigin(2),
    };

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
