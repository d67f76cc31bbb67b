namespace BiginBulk.Server.Auth;

/// <summary>
/// Zoho scope strings and how a granted set satisfies a required one. Scopes are
/// <c>Service.group[.module].OPERATION</c>; a granted <c>….ALL</c> covers every operation under its prefix
/// (<c>ZohoBigin.modules.ALL</c> covers <c>ZohoBigin.modules.contacts.CREATE</c>). Names compare
/// case-insensitively, since Zoho's own docs spell them both ways (<c>bulk.read</c>, <c>bulk.READ</c>).
/// CRM-family routes accept <c>ZohoCRM.*</c> scopes as the same grants.
/// </summary>
public static class Scopes
{
    /// <summary>Everything the bootstrap administrator's token may do.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "ZohoBigin.bulk.ALL", "ZohoBigin.modules.ALL", "ZohoBigin.settings.ALL", "ZohoBigin.users.ALL",
        "ZohoBigin.org.ALL", "ZohoFiles.files.ALL",
    ];

    public static bool Grants(IEnumerable<string> granted, string required)
    {
        var need = Normalize(required);
        foreach (var scope in granted)
        {
            var have = Normalize(scope);
            if (string.Equals(have, need, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (have.EndsWith(".ALL", StringComparison.OrdinalIgnoreCase))
            {
                var prefix = have[..^3];
                if (need.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the grants satisfy at least one of the alternatives.</summary>
    public static bool GrantsAny(IEnumerable<string> granted, IEnumerable<string> alternatives) =>
        alternatives.Any(a => Grants(granted, a));

    /// <summary>
    /// True for a scope that lets its holder read some module's records: <c>ZohoBigin.modules.ALL</c>, or
    /// <c>ZohoBigin.modules.{module}.READ|ALL</c> (either spelling). <c>ZohoBigin.settings.modules.READ</c>
    /// is metadata, not records, and <c>….modules.{module}.CREATE</c> writes only.
    /// </summary>
    public static bool IsModuleReadScope(string scope)
    {
        var parts = Normalize(scope).Split('.');
        return parts.Length is 3 or 4
            && parts[0].Equals("ZohoBigin", StringComparison.OrdinalIgnoreCase)
            && parts[1].Equals("modules", StringComparison.OrdinalIgnoreCase)
            && (parts[^1].Equals("ALL", StringComparison.OrdinalIgnoreCase) || (parts.Length == 4 && parts[^1].Equals("READ", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The scopes of a token request (comma- or space-separated, as Zoho accepts), or null when empty or when
    /// one is not a scope name of Zoho's form (<c>ZohoBigin.bulk.READ</c>, <c>ZohoCRM.modules.ALL</c>, <c>ZohoFiles.files.ALL</c>).
    /// </summary>
    public static IReadOnlyList<string>? ParseRequested(string? text)
    {
        var scopes = (text ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (scopes.Length == 0 || !scopes.All(IsWellFormed))
        {
            return null;
        }

        return scopes.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static bool IsWellFormed(string scope)
    {
        var parts = scope.Split('.');
        return parts.Length is >= 3 and <= 5
            && parts[0] is "ZohoBigin" or "ZohoCRM" or "ZohoFiles"
            && parts.Skip(1).All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));
    }

    private static string Normalize(string scope) =>
        scope.StartsWith("ZohoCRM.", StringComparison.OrdinalIgnoreCase) ? "ZohoBigin." + scope["ZohoCRM.".Length..] : scope;
}
