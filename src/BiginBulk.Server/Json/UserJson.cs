using System.Text.Json.Nodes;
using BiginBulk.Server.Auth;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Json;

/// <summary>
/// A user in the shape of Zoho's users API (<c>GET /crm/v8/users</c>): snake-case keys, ids as strings,
/// <c>role</c> and <c>profile</c> as <c>{"name","id"}</c>, <c>offset</c> the time zone's current UTC offset in
/// milliseconds. Zoho's SDKs read <c>users[0].email</c> of <c>type=CurrentUser</c> to sign their token store.
/// </summary>
internal static class UserJson
{
    public static JsonObject Render(User user, DateTimeOffset now) => new()
    {
        ["id"] = ZohoIds.Format(user.Id),
        ["zuid"] = ZohoIds.Format(user.Id),
        ["first_name"] = user.FirstName,
        ["last_name"] = user.LastName,
        ["full_name"] = user.FullName,
        ["email"] = user.Email,
        ["status"] = user.Status,
        ["confirm"] = true,
        ["role"] = new JsonObject { ["name"] = user.Role, ["id"] = ZohoIds.Format(RoleId(user.Role)) },
        ["profile"] = new JsonObject { ["name"] = user.Profile, ["id"] = ZohoIds.Format(Profiles.IdOf(user.Profile)) },
        ["time_zone"] = user.TimeZone,
        ["offset"] = OffsetMilliseconds(user.TimeZone, now),
        ["locale"] = user.Locale,
        ["language"] = user.Locale,
        ["country_locale"] = user.Locale,
        ["date_format"] = "MM/dd/yyyy",
        ["time_format"] = "hh:mm a",
    };

    /// <summary>A stable id per role, as Zoho gives each role one.</summary>
    public static long RoleId(string role) => role == UserRoles.Ceo ? 111_111_000_000_025_011 : 111_111_000_000_025_014;

    /// <summary>The role whose id this is, or null.</summary>
    public static string? RoleById(long id) => UserRoles.All.FirstOrDefault(r => RoleId(r) == id);

    private static long OffsetMilliseconds(string timeZone, DateTimeOffset now) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? (long)zone.GetUtcOffset(now).TotalMilliseconds : 0;
}
