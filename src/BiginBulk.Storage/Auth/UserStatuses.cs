namespace BiginBulk.Storage.Auth;

/// <summary>The user statuses Zoho's users API answers with (<c>status</c>): active, or disabled (deactivated).</summary>
public static class UserStatuses
{
    public const string Active = "active";
    public const string Disabled = "disabled";
}
