namespace BiginBulk.Server.Auth;

/// <summary>
/// User profiles, and every rule about what a profile may do, in one place. Administrators may do
/// everything. Standard users read, create, edit and delete records through the API but may not run bulk
/// jobs, change settings or manage users. Read Only users read records and metadata and change nothing.
/// Bulk import and export are privileges of the profile, and Zoho's bulk pages answer a user without them
/// with 400 <c>AUTHORIZATION_FAILED</c> ("User does not have sufficient privilege to …"); a settings or user
/// change without the right is 403 <c>NO_PERMISSION</c>.
/// </summary>
internal static class Profiles
{
    public const string Administrator = "Administrator";
    public const string Standard = "Standard";
    public const string ReadOnly = "Read Only";

    public static IReadOnlyList<string> All { get; } = [Administrator, Standard, ReadOnly];

    public static string? Find(string name) => All.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A stable id per profile, as Zoho gives each profile one (18 digits, like every Zoho id).</summary>
    public static long IdOf(string profile) => profile switch
    {
        Administrator => 111_111_000_000_026_011,
        Standard => 111_111_000_000_026_014,
        ReadOnly => 111_111_000_000_026_017,
        _ => 111_111_000_000_026_000,
    };

    /// <summary>The profile whose id this is, or null.</summary>
    public static string? FindById(long id) => All.FirstOrDefault(p => IdOf(p) == id);

    public static bool MayRunBulkJobs(string profile) => profile == Administrator;

    public static bool MayChangeSettings(string profile) => profile == Administrator;

    /// <summary>Adding, changing and deactivating users.</summary>
    public static bool MayManageUsers(string profile) => profile == Administrator;

    /// <summary>Every profile reads every module's records (Bigin's profiles differ in writes, not reads).</summary>
    public static bool MayRead(string profile, string module) => All.Contains(profile);

    public static bool MayCreate(string profile, string module) => profile is Administrator or Standard;

    public static bool MayEdit(string profile, string module) => profile is Administrator or Standard;

    public static bool MayDelete(string profile, string module) => profile is Administrator or Standard;
}
