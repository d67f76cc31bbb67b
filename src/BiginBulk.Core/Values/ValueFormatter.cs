using System.Globalization;

namespace BiginBulk.Core.Values;

/// <summary>
/// Typed values back to Zoho's wire spelling, for record JSON and export CSV: dates <c>yyyy-MM-dd</c>,
/// date-times ISO 8601 with an offset and whole seconds (<c>2024-03-01T10:15:00+05:30</c>), numbers
/// invariant, booleans <c>true</c>/<c>false</c>, multi-select values joined with ';'. Whatever
/// <see cref="FieldValueParser"/> produces reads back to the same value.
/// </summary>
public static class ValueFormatter
{
    /// <summary>Zoho writes <c>+00:00</c>, never <c>Z</c>, and no fractional seconds.</summary>
    private const string DateTimePattern = "yyyy-MM-dd'T'HH:mm:sszzz";

    private const string DatePattern = "yyyy-MM-dd";

    /// <summary>Up to 28 decimals, no trailing zeros and never an exponent: <c>12.50m</c> → <c>12.5</c>.</summary>
    private const string DecimalPattern = "0.############################";

    /// <summary>
    /// Formats any value the parser or storage produces; null stays null (JSON null, an empty CSV cell).
    /// Date-times are shown in <paramref name="timeZone"/> when given (Zoho shows the user's zone),
    /// otherwise with the offset they carry.
    /// </summary>
    public static string? Format(object? value, TimeZoneInfo? timeZone = null) => value switch
    {
        null => null,
        string text => text,
        bool flag => Format(flag),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => Format(number),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => Format(date),
        DateTimeOffset instant => Format(instant, timeZone),
        DateTime instant => Format(AsUtcUnlessLocal(instant), timeZone),
        OwnerReference owner => owner.ToString(),
        IEnumerable<string> values => string.Join(';', values),
        _ => throw new ArgumentException($"No wire format for values of type {value.GetType().Name}.", nameof(value)),
    };

    public static string Format(bool value) => value ? "true" : "false";

    public static string Format(decimal value) => value.ToString(DecimalPattern, CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString(DatePattern, CultureInfo.InvariantCulture);

    /// <summary>Fractional seconds are truncated, not rounded, so a time never moves into the next second.</summary>
    public static string Format(DateTimeOffset value, TimeZoneInfo? timeZone = null)
    {
        var shown = timeZone is null ? value : TimeZoneInfo.ConvertTime(value, timeZone);
        return shown.ToString(DateTimePattern, CultureInfo.InvariantCulture);
    }

    /// <summary>A DateTime read back from storage has no offset: treat Unspecified as UTC, as we store it.</summary>
    private static DateTimeOffset AsUtcUnlessLocal(DateTime value) =>
        value.Kind == DateTimeKind.Local ? new DateTimeOffset(value) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
