namespace BiginBulk.Core.Modules;

/// <summary>Zoho's wire spelling of each <see cref="FieldType"/> (the metadata API's <c>data_type</c>).</summary>
public static class FieldTypeNames
{
    public static string ToZohoName(this FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.TextArea => "textarea",
        FieldType.Email => "email",
        FieldType.Phone => "phone",
        FieldType.Website => "website",
        FieldType.Picklist => "picklist",
        FieldType.MultiSelectPicklist => "multiselectpicklist",
        FieldType.Integer => "integer",
        FieldType.BigInt => "bigint",
        FieldType.Decimal => "double",
        FieldType.Currency => "currency",
        FieldType.Percent => "percent",
        FieldType.Boolean => "boolean",
        FieldType.Date => "date",
        FieldType.DateTime => "datetime",
        FieldType.Lookup => "lookup",
        FieldType.OwnerLookup => "ownerlookup",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>True for types whose values are stored as numbers and compared numerically.</summary>
    public static bool IsNumeric(this FieldType type) =>
        type is FieldType.Integer or FieldType.BigInt or FieldType.Decimal or FieldType.Currency or FieldType.Percent;

    /// <summary>True for types whose stored value is the id of another record or user.</summary>
    public static bool IsLookup(this FieldType type) => type is FieldType.Lookup or FieldType.OwnerLookup;
}
