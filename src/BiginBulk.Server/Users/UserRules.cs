using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Users;

/// <summary>
/// What a user's attributes may hold, shared by the admin tool and the users API so both refuse the same
/// values: an IANA time zone this machine knows, a locale of Zoho's <c>ll_CC</c> form, a status Zoho's users
/// API spells (<c>active</c>, <c>disabled</c>; <c>deactive</c> and <c>inactive</c> are read as disabled).
/// </summary>
internal static class UserRules
{
    public static bool IsTimeZone(string text) =>
        text.Length is > 0 and <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) && zone.HasIanaId;

    public static bool IsLocale(string text) =>
        text.Length == 5 && char.IsAsciiLetterLower(text[0]) && char.IsAsciiLetterLower(text[1]) && text[2] == '_'
            && char.IsAsciiLetterUpper(text[3]) && char.IsAsciiLetterUpper(text[4]);

    public static string? ParseStatus(string text) => text.ToLowerInvariant() switch
    {
        "active" or "enabled" => UserStatuses.Active,
        "disabled" or "deactive" or "inactive" => UserStatuses.Disabled,
        _ => null,
    };
}
