using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// What a dot field can read of a user (<c>Owner.last_name</c>, <c>Created_By.email</c>), in the lower-case
/// spelling Zoho's bulk read samples use.
/// </summary>
public static class UserAttributes
{
    public const string Id = "id";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string FullName = "full_name";
    public const string Email = "email";

    public static IReadOnlyList<string> All { get; } = [Id, FirstName, LastName, FullName, Email];

    public static string? Find(string name) => All.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    public static FieldType TypeOf(string attribute) => attribute switch
    {
        Id => FieldType.BigInt,
        Email => FieldType.Email,
        _ => FieldType.Text,
    };
}
