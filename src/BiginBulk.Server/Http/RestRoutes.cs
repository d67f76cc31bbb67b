namespace BiginBulk.Server.Http;

/// <summary>
/// The REST API is served twice: under Bigin's <c>/bigin/v2</c> and under the CRM path family
/// <c>/crm/v2…v8</c> that Zoho's official SDKs call (sdk wire notes §6: <c>/crm/v8/users?type=CurrentUser</c>,
/// <c>/crm/v8/org</c>, <c>/crm/v8/settings/fields</c>). Handlers tell the two apart with <see cref="FamilyOf"/>.
/// </summary>
internal static class RestRoutes
{
    public const string Bigin = "/bigin/v2";
    public const string Crm = "/crm/{version:regex(^v[2-8]$)}";

    public static IReadOnlyList<string> Prefixes { get; } = [Bigin, Crm];

    /// <summary>Which family the request came through: a CRM route carries the <c>{version}</c> value.</summary>
    public static ApiFamily FamilyOf(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("version", out var version) && ApiFamily.TryParseCrm(version as string, out var family)
            ? family
            : ApiFamily.Bigin(2);
}
