namespace BiginBulk.Core.Modules;

/// <summary>
/// A field's data type, spelled as Zoho's fields metadata API spells <c>data_type</c>.
/// </summary>
public enum FieldType
{
    Text,
    TextArea,
    Email,
    Phone,
    Website,
    Picklist,
    MultiSelectPicklist,
    Integer,
    BigInt,
    Decimal,
    Currency,
    Percent,
    Boolean,
    Date,
    DateTime,
    Lookup,
    OwnerLookup,
}
