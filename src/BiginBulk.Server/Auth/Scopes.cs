using BiginBulk.Core.Modules;

namespace BiginBulk.Server.Auth;

/// <summary>
/// Zoho scope strings and how a granted set satisfies a required one. Scopes are
/// <c>Service.group[.module].OPERATION</c>; a granted <c>….ALL</c> covers every operation under its prefix
/// (<c>ZohoBigin.modules.ALL</c> covers <c>ZohoBigin.modules.contacts.CREATE</c>). Names compare
/// case-insensitively, since Zoho's own docs spell them both ways (<c>bulk.read</c>, <c>bulk.READ</c>).
/// CRM-family routes accept <c>ZohoCRM.*</c> scopes as the same grants.
/// </summary>
internal static class Scopes
{
    public const string Files = "ZohoFiles.files.ALL";

    public const string BulkRead = "ZohoBigin.bulk.READ";

    /// <summary>Bulk read as Bigin's v1 page spells it (names compare case-insensitively, so it is the same grant).</summary>
    public const string BulkReadV1 = "ZohoBigin.bulk.read";

    public const string BulkCreate = "ZohoBigin.bulk.CREATE";

    public const string BulkAll = "ZohoBigin.bulk.ALL";

    public const string ModulesAll = "ZohoBigin.modules.ALL";

    public const string SettingsAll = "ZohoBigin.settings.ALL";

    public const string FieldsAll = "ZohoBigin.settings.fields.ALL";

    public const string UsersAll = "ZohoBigin.users.ALL";

    public const string UsersCreate = "ZohoBigin.users.CREATE";

    public const string UsersUpdate = "ZohoBigin.users.UPDATE";

    public const string OrgAll = "ZohoBigin.org.ALL";

    public static readonly string[] BulkReadAny = [BulkRead, BulkAll];

    public static readonly string[] BulkWriteAny = [BulkCreate, BulkAll];

    /// <summary>A callback's delivery status belongs to a read or a write job: either bulk grant reads it.</summary>
    public static readonly string[] CallbackStatusAny = [BulkRead, BulkCreate, BulkAll];

    public static readonly string[] SettingsModulesRead = ["ZohoBigin.settings.modules.READ", "ZohoBigin.settings.modules.ALL", SettingsAll];

    public static readonly string[] SettingsFieldsRead = ["ZohoBigin.settings.fields.READ", FieldsAll, SettingsAll];

    public static readonly string[] SettingsFieldsChange = [FieldsAll, SettingsAll];

    public static readonly string[] SettingsLayoutsRead = ["ZohoBigin.settings.layouts.READ", "ZohoBigin.settings.layouts.ALL", SettingsAll];

    public static readonly string[] UsersRead = ["ZohoBigin.users.READ", UsersAll];

    public static readonly string[] OrgRead = ["ZohoBigin.org.READ", OrgAll];

    /// <summary>Custom view scopes for an operation (READ, CREATE, UPDATE, DELETE); the first is the one an error names.</summary>
    public static string[] CustomViews(string operation) => [$"ZohoBigin.settings.custom_views.{operation}", "ZohoBigin.settings.custom_views.ALL", SettingsAll];

    /// <summary>
    /// The names a module goes by in scopes. Bigin's pages list the tokens <c>companies</c> (Accounts) and
    /// <c>activities</c> (Tasks, Events and Calls together) beside the module's own token; each is the same grant.
    /// </summary>
    public static IReadOnlyList<string> ModuleTokens(ModuleDefinition module) => module.ScopeToken switch
    {
        "accounts" => ["accounts", "companies"],
        "tasks" or "events" or "calls" => [module.ScopeToken, "activities"],
        var token => [token],
    };

    /// <summary>The module scopes that allow <paramref name="operation"/> (READ or CREATE) on a module's records.</summary>
    public static string[] ForModule(ModuleDefinition module, string operation) =>
        [ModulesAll, .. ModuleTokens(module).SelectMany(t => new[] { $"ZohoBigin.modules.{t}.ALL", $"ZohoBigin.modules.{t}.{operation}" })];

    /// <summary>The module scope an OAUTH_SCOPE_MISMATCH names as required.</summary>
    public static string RequiredForModule(ModuleDefinition module, string operation) => $"ZohoBigin.modules.{module.ScopeToken}.{operation}";

    /// <summary>Everything the bootstrap administrator's token may do.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        BulkAll, ModulesAll, SettingsAll, UsersAll, OrgAll, Files,
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
