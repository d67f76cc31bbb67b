using System.Globalization;
using BiginBulk.Core.Modules;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// How typed field values are stored in PostgreSQL and read back. Dates are <c>date</c> and datetimes
/// <c>timestamptz</c> truncated to the second (SQLite keeps <c>yyyy-MM-ddTHH:mm:ssZ</c> text, so the same
/// precision makes equality criteria behave the same). Decimal, currency and percent values stay BIGINTs scaled
/// by the field's decimal places, exactly as on SQLite, so both stores round and compare identically; a
/// criteria value with more decimals is bound as <c>numeric</c>, which compares with a bigint exactly.
/// Multi-select values are joined with <c>;</c>, as on SQLite, so <c>contains</c> works the same.
/// </summary>
internal static class PostgreSqlValues
{
    public static string ColumnType(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.BigInt or FieldType.Lookup or FieldType.OwnerLookup => "bigint",
        FieldType.Decimal or FieldType.Currency or FieldType.Percent => "bigint",
        FieldType.Boolean => "boolean",
        FieldType.Date => "date",
        FieldType.DateTime => "timestamptz",
        _ => "text",
    };

    public static NpgsqlDbType DbType(FieldType type) => ColumnType(type) switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "boolean" => NpgsqlDbType.Boolean,
        "date" => NpgsqlDbType.Date,
        "timestamptz" => NpgsqlDbType.TimestampTz,
        _ => NpgsqlDbType.Text,
    };

    /// <summary>Text columns compare case-insensitively (through <c>lower()</c>), like SQLite's NOCASE columns.</summary>
    public static bool IsText(FieldDefinition field) => ColumnType(field.Type) == "text";

    /// <summary>The expression a lookup by this field compares, and its index covers: PostgreSQL has no NOCASE
    /// collation, so text is <c>lower(column)</c> on both sides.</summary>
    public static string Indexed(FieldDefinition field) => IsText(field) ? $"lower({Quote(field.ColumnName)})" : Quote(field.ColumnName);

    /// <summary>UTC to the second: timestamptz would keep microseconds that SQLite's text form drops.</summary>
    public static DateTime Time(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    public static DateTimeOffset ReadTime(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        string s => Text(s),
        long l => l,
        int i => (long)i,
        decimal d => d,
        double d => d,
        bool b => b,
        DateOnly d => d,
        DateTimeOffset t => Time(t),
        IEnumerable<string> values => string.Join(';', values),
        _ => throw new ArgumentException($"Cannot store a {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>The stored form of a value of <paramref name="field"/>; decimals are scaled to integers.</summary>
    public static object ToDb(FieldDefinition field, object? value)
    {
        if (value is decimal number && IsScaled(field.Type))
        {
            var scaled = number * Scale(field);
            return decimal.Truncate(scaled) == scaled ? (object)(long)scaled : scaled;
        }

        if (value is long whole && field.Type == FieldType.Boolean)
        {
            return whole != 0;
        }

        return ToDb(value);
    }

    public static object? FromDb(FieldDefinition field, object dbValue)
    {
        if (dbValue is not DBNull && IsScaled(field.Type))
        {
            // The same arithmetic as SQLite's reader, so 12.50 reads back with the same scale on both stores.
            return Convert.ToDecimal(dbValue, CultureInfo.InvariantCulture) / Scale(field);
        }

        return FromDb(field.Type, dbValue);
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
            FieldType.Boolean => dbValue is bool b ? b : Convert.ToInt64(dbValue, CultureInfo.InvariantCulture) != 0,
            FieldType.Decimal or FieldType.Currency or FieldType.Percent => Convert.ToDecimal(dbValue, CultureInfo.InvariantCulture),
            // Npgsql hands a date column out as a DateTime unless asked for DateOnly.
            FieldType.Date => dbValue is DateOnly d ? d : DateOnly.FromDateTime((DateTime)dbValue),
            FieldType.DateTime => ReadTime((DateTime)dbValue),
            FieldType.MultiSelectPicklist => ((string)dbValue).Split(';', StringSplitOptions.RemoveEmptyEntries),
            _ => Convert.ToString(dbValue, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// PostgreSQL text cannot hold U+0000, which SQLite stores as is; it is kept as U+FFFD (the replacement
    /// character) so that a value holding one is stored rather than failing the whole request or chunk.
    /// </summary>
    public static string Text(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value;

    /// <summary>Quotes an identifier from our own schema (field API names are [A-Za-z0-9_]).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

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
}
