namespace BiginBulk.Storage.Auth;

/// <summary>
/// The roles of a new Bigin org: CEO at the top and Manager under it. Roles are only reported (the users
/// API's <c>role</c>); what a user may do is decided by the profile.
/// </summary>
public static class UserRoles
{
    public const string Ceo = "CEO";
    public const string Manager = "Manager";

    public static IReadOnlyList<string> All { get; } = [Ceo, Manager];

    public static string? Find(string name) => All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
