using System.Globalization;
using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// How typed field values are stored in SQLite and read back. Dates are ISO text (sortable, so range
/// criteria work as text comparisons); datetimes are UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>; decimals are REAL
/// because SQLite compares TEXT-stored numbers as text; multi-select values are joined with <c>;</c>.
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
        FieldType.Decimal or FieldType.Currency or FieldType.Percent => "REAL",
        _ => "TEXT",
    };

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
