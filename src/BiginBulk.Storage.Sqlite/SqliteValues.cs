using System.Globalization;
using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// How typed field values are stored in SQLite and read back. Dates are ISO text (sortable, so range
/// criteria work as text comparisons); datetimes are UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>; decimal, currency and
/// percent values are INTEGERs scaled by the field's decimal places (cents for a currency), because SQLite's
/// REAL keeps only 15 significant digits and TEXT would compare as text; multi-select values are joined with <c>;</c>.
/// </summary>
internal static class SqliteValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string ColumnType(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.BigInt or FieldType.Lookup or FieldType.OwnerLookup or FieldType.Boolean => "INTEGER",
        FieldType.Decimal or FieldType.Currency or FieldType.Percent => "INTEGER",
        _ => "TEXT",
    };

    /// <summary>Text columns compare case-insensitively (NOCASE), like Bigin's searches and unique checks.</summary>
    public static bool IsText(FieldDefinition field) => ColumnType(field.Type) == "TEXT" && field.Type is not (FieldType.Date or FieldType.DateTime);

    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        string s => s,
        long l => l,
        int i => (long)i,
        decimal d => (double)d,
        double d => d,
        bool b => b ? 1L : 0L,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => FormatTime(t),
        IEnumerable<string> values => string.Join(';', values),
        _ => throw new ArgumentException($"Cannot store a {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>The stored form of a value of <paramref name="field"/>; decimals are scaled to integers.
    /// A criteria value with more decimals than the field keeps them (as a REAL), so comparisons stay exact.</summary>
    public static object ToDb(FieldDefinition field, object? value)
    {
        if (value is decimal number && IsScaled(field.Type))
        {
            var scaled = number * Scale(field);
            // Cast each branch to object: a ternary of long and double would make both double.
            return decimal.Truncate(scaled) == scaled ? (object)(long)scaled : (double)scaled;
        }

        return ToDb(value);
    }

    public static object? FromDb(FieldDefinition field, object dbValue)
    {
        if (dbValue is not DBNull && IsScaled(field.Type))
        {
            return Convert.ToDecimal(dbValue, CultureInfo.InvariantCulture) / Scale(field);
        }

        return FromDb(field.Type, dbValue);
    }

    private static bool IsScaled(FieldType type) => type is FieldType.Decimal or FieldType.Currency or FieldType.Percent;

    private static decimal Scale(FieldDefinition field)
    {
        var scale = 1m;
        for (var i = 0; i < field.DecimalPlaces; i++)
        {
            scale *= 10;
        }

        return scale;
    }

    public static object? FromDb(FieldType type, object dbValue)
    {
        if (dbValue is DBNull)
        {
            return null;
        }

        return type switch
        {
            FieldType.Integer or FieldType.BigInt or FieldType.Lookup or FieldType.OwnerLookup => Convert.ToInt64(dbValue, CultureInfo.InvariantCulture),
            FieldType.Boolean => Convert.ToInt64(dbValue, CultureInfo.InvariantCulture) != 0,
            FieldType.Decimal or FieldType.Currency or FieldType.Percent => Convert.ToDecimal(dbValue, CultureInfo.InvariantCulture),
            FieldType.Date => DateOnly.ParseExact((string)dbValue, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            FieldType.DateTime => ParseTime((string)dbValue),
            FieldType.MultiSelectPicklist => ((string)dbValue).Split(';', StringSplitOptions.RemoveEmptyEntries),
            _ => Convert.ToString(dbValue, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Quotes an identifier from our own schema (field API names are [A-Za-z0-9_]).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
