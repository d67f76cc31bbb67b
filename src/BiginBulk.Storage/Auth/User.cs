namespace BiginBulk.Storage.Auth;

/// <summary>
/// A user of one org. <see cref="Profile"/> names one of the server's profiles (Administrator, Standard,
/// Read Only); <see cref="Role"/> is Zoho's role name (CEO, Manager). <see cref="Status"/> is
/// <see cref="UserStatuses.Active"/> or <see cref="UserStatuses.Disabled"/>: a disabled user's tokens stop working.
/// <see cref="TimeZone"/> is an IANA name, <see cref="Locale"/> Zoho's <c>en_US</c> form.
/// </summary>
public sealed record User(
    long Id,
    long OrgId,
    string Email,
    string? FirstName,
    string LastName,
    string Profile,
    string Role = UserRoles.Ceo,
    string Status = UserStatuses.Active,
    string TimeZone = "UTC",
    string Locale = "en_US")
{
    public string FullName => string.IsNullOrWhiteSpace(FirstName) ? LastName : $"{FirstName} {LastName}";

    public bool IsActive => Status == UserStatuses.Active;
}
