using System.Globalization;

namespace BiginBulk.Core.Modules;

/// <summary>
/// What an administrator may add as a custom field: an API name of Zoho's form that no field of the module
/// already has, one of the supported types, and the type's settings (length, decimals, picklist values,
/// the looked-up module). <see cref="Validate"/> returns the field to store, or why it cannot be added.
/// </summary>
public static class CustomFieldRules
{
    public static IReadOnlyList<FieldType> AllowedTypes { get; } =
    [
        FieldType.Text, FieldType.TextArea, FieldType.Email, FieldType.Phone, FieldType.Website, FieldType.Picklist,
        FieldType.MultiSelectPicklist, FieldType.Integer, FieldType.Decimal, FieldType.Currency, FieldType.Percent,
        FieldType.Date, FieldType.DateTime, FieldType.Boolean, FieldType.Lookup,
    ];

    /// <summary>
    /// Custom fields per module. Each is a column of the module's table, and the stores' own ceilings differ
    /// (SQLite 2,000 columns, PostgreSQL 1,600, dropped columns included); 500 stays well below both, with room
    /// for the standard fields and for fields deleted and added again.
    /// </summary>
    public const int MaxCustomFieldsPerModule = 500;

    /// <summary>
    /// Names the stores use for their own hidden columns (SQLite's rowid aliases, PostgreSQL's system columns)
    /// or for the record id: a column of that name either fails to be created or shadows the system one.
    /// Compared ignoring case, as SQLite compares identifiers.
    /// </summary>
    public static IReadOnlySet<string> ReservedApiNames { get; } = new HashSet<string>(
        ["id", "rowid", "oid", "_rowid_", "ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A type by Zoho's <c>data_type</c> name; <c>decimal</c> is accepted for Zoho's <c>double</c>.</summary>
    public static FieldType? ParseType(string name) =>
        string.Equals(name, "decimal", StringComparison.OrdinalIgnoreCase)
            ? FieldType.Decimal
            : AllowedTypes.Cast<FieldType?>().FirstOrDefault(t => string.Equals(t!.Value.ToZohoName(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks a requested custom field; on success <paramref name="field"/> is what to store.</summary>
    public static bool Validate(
        ModuleDefinition module,
        ModuleCatalog catalog,
        string apiName,
        string? label,
        FieldType type,
        int? length,
        int? decimalPlaces,
        IReadOnlyList<string>? picklistValues,
        string? lookupModule,
        bool unique,
        bool mandatory,
        out FieldDefinition? field,
        out string? problem)
    {
        field = null;
        problem = null;
        if (apiName.Length is 0 or > 50 || !char.IsAsciiLetter(apiName[0]) || !apiName.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            problem = $"'{apiName}' is not a valid API name: use 1 to 50 letters, digits and underscores, starting with a letter.";
            return false;
        }

        if (ReservedApiNames.Contains(apiName))
        {
            problem = $"'{apiName}' is reserved: the database uses that name for a column of its own; choose another API name.";
            return false;
        }

        if (module.FindField(apiName) is not null || string.Equals(apiName, SystemFields.BulkWriteId, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"{module.ApiName} already has a field named {apiName}.";
            return false;
        }

        if (!AllowedTypes.Contains(type))
        {
            problem = $"{type.ToZohoName()} fields cannot be added.";
            return false;
        }

        var (defaultLength, maxLength) = type switch
        {
            FieldType.Text or FieldType.Email or FieldType.Phone or FieldType.Website => (255, 255),
            FieldType.TextArea => (32000, 32000),
            FieldType.Picklist or FieldType.MultiSelectPicklist => (120, 2000),
            FieldType.Integer => (9, 9),
            FieldType.Decimal or FieldType.Currency or FieldType.Percent => (16, 16),
            _ => (0, 0),
        };
        var finalLength = length ?? defaultLength;
        if (finalLength < 0 || finalLength > maxLength || (maxLength > 0 && finalLength == 0))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"length {finalLength} is out of range for a {type.ToZohoName()} field (1 to {maxLength}).");
            return false;
        }

        var places = type is FieldType.Decimal or FieldType.Currency or FieldType.Percent ? decimalPlaces ?? 2 : 0;
        if (places < 0 || places > 9 || (places > 0 && places >= finalLength))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"decimal_place {places} is out of range for length {finalLength}.");
            return false;
        }

        var values = picklistValues?.Select(v => v.Trim()).Where(v => v.Length > 0).ToList() ?? [];
        if (type is FieldType.Picklist or FieldType.MultiSelectPicklist)
        {
            if (values.Count == 0 || values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != values.Count || values.Any(v => v.Contains(';', StringComparison.Ordinal)))
            {
                problem = "a picklist needs at least one value; values must be distinct and may not contain ';'.";
                return false;
            }
        }
        else if (values.Count > 0)
        {
            problem = "pick_list_values are only for picklist and multiselectpicklist fields.";
            return false;
        }

        string? target = null;
        if (type == FieldType.Lookup)
        {
            target = lookupModule is null ? null : catalog.Find(lookupModule)?.ApiName;
            if (target is null)
            {
                problem = $"a lookup needs the module it looks up; '{lookupModule}' is not one.";
                return false;
            }
        }

        if (unique && type is not (FieldType.Text or FieldType.Email or FieldType.Phone or FieldType.Integer))
        {
            problem = $"{type.ToZohoName()} fields cannot be unique.";
            return false;
        }

        field = new FieldDefinition
        {
            ApiName = apiName,
            Label = string.IsNullOrWhiteSpace(label) ? apiName.Replace('_', ' ') : label.Trim(),
            Type = type,
            Length = finalLength,
            DecimalPlaces = places,
            PicklistValues = values,
            LookupModule = target,
            Unique = unique,
            Mandatory = mandatory,
            CustomField = true,
        };
        return true;
    }
}
