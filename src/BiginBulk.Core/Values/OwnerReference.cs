using System.Globalization;

namespace BiginBulk.Core.Values;

/// <summary>
/// The parsed value of an owner-lookup cell: Zoho lets a bulk write name the owner by user id or by
/// the user's email. Exactly one of <see cref="Id"/> and <see cref="Email"/> is set; resolving it to a
/// user is the job processor's work, not the parser's.
/// </summary>
public readonly record struct OwnerReference
{
    private OwnerReference(long? id, string? email)
    {
        Id = id;
        Email = email;
    }

    public long? Id { get; }

    public string? Email { get; }

    public static OwnerReference FromId(long id) => new(id, null);

    public static OwnerReference FromEmail(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return new(null, email);
    }

    /// <summary>The id in decimal, or the email — the same spelling the cell used.</summary>
    public override string ToString() => Id?.ToString(CultureInfo.InvariantCulture) ?? Email ?? string.Empty;
}
