namespace BiginBulk.Server.Auth;

/// <summary>
/// User profiles. Administrators may do everything. Standard users read and see records through the API
/// but may not run bulk jobs or change settings. Bulk import and export are privileges of the profile, and
/// Zoho's bulk pages answer a user without them with 400 <c>AUTHORIZATION_FAILED</c> ("User does not have
/// sufficient privilege to …"); a settings change without the right is 403 <c>NO_PERMISSION</c>.
/// </summary>
public static class Profiles
{
    public const string Administrator = "Administrator";
    public const string Standard = "Standard";

    public static IReadOnlyList<string> All { get; } = [Administrator, Standard];

    public static string? Find(string name) => All.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));

    public static bool MayRunBulkJobs(string profile) => profile == Administrator;

    public static bool MayChangeSettings(string profile) => profile == Administrator;
}
