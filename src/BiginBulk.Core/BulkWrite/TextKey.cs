using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// The one rule for comparing key values (find_by values, unique fields, lookups by name): text compares
/// case-insensitively (Zoho's <c>casesensitive: "0"</c>) after folding with the invariant culture's lower
/// case; other values compare by value. Stores hand back what they hold and Core folds it here, so the
/// decision of "same key" has a single owner.
/// </summary>
public static class TextKey
{
    /// <summary>Whether values of this type are text, compared case-insensitively.</summary>
    public static bool IsText(FieldType type) =>
        type is FieldType.Text or FieldType.TextArea or FieldType.Email or FieldType.Phone or FieldType.Website
            or FieldType.Picklist or FieldType.MultiSelectPicklist;

    /// <summary>A typed value (see FieldValueParser) as a key: text folded, anything else as it is.</summary>
    public static object Of(FieldDefinition field, object value) =>
        value is string text && IsText(field.Type) ? Fold(text) : value;

    public static string Fold(string text) => text.ToLowerInvariant();
}
