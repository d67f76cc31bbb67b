namespace BiginBulk.Storage.Auth;

/// <summary>A user of one org. <see cref="Profile"/> is <c>Administrator</c> or <c>Standard</c>.</summary>
public sealed record User(long Id, long OrgId, string Email, string? FirstName, string LastName, string Profile)
{
    public string FullName => string.IsNullOrWhiteSpace(FirstName) ? LastName : $"{FirstName} {LastName}";
}
