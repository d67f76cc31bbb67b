using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// A field as bulk read names it: a plain field (<c>Last_Name</c>), or a "dot field" that follows a lookup
/// to a field of the looked-up record (<c>Account_Name.Phone</c>) or user (<c>Owner.last_name</c>).
/// <see cref="Type"/> is the type of the value finally read, which decides the comparators allowed.
/// </summary>
public sealed record FieldPath
{
    public required string ApiName { get; init; }

    /// <summary>The field of the exported module (for a dot field, the lookup itself).</summary>
    public required FieldDefinition Field { get; init; }

    /// <summary>For <c>Account_Name.Phone</c>: the Accounts field Phone. Null for plain and user dot fields.</summary>
    public FieldDefinition? TargetField { get; init; }

    /// <summary>For <c>Account_Name.Phone</c>: the Accounts module.</summary>
    public ModuleDefinition? TargetModule { get; init; }

    /// <summary>For <c>Owner.last_name</c>: the user attribute (<see cref="UserAttributes"/>).</summary>
    public string? UserAttribute { get; init; }

    public bool IsDotField => TargetField is not null || UserAttribute is not null;

    /// <summary>The type of the value this path reads.</summary>
    public FieldType Type => TargetField?.Type ?? (UserAttribute is null ? Field.Type : UserAttributes.TypeOf(UserAttribute));

    /// <summary>The definition whose rules (length, picklist values) apply to values compared with this path.</summary>
    public FieldDefinition ValueField => TargetField ?? (UserAttribute is null
        ? Field
        : new FieldDefinition { ApiName = ApiName, Label = ApiName, Type = Type, Length = 255 });

    public override string ToString() => ApiName;
}
