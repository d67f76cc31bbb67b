using System.Globalization;

namespace BiginBulk.Core.Values;

/// <summary>
/// Dates and date-times. Without a mapping format, Zoho's defaults (<c>MM/dd/yyyy</c>,
/// <c>MM/dd/yyyy HH:mm:ss</c>) and ISO 8601 are both accepted; with one, only that pattern is.
/// </summary>
public sealed partial class FieldValueParser
{
    private static readonly string[] IsoDatePatterns = ["yyyy-MM-dd"];

    /// <summary>ISO 8601 with an offset or Z; <c>.FFFFFFF</c> makes fractional seconds optional.</summary>
    private static readonly string[] IsoZonedPatterns =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>ISO 8601 without an offset: read in <see cref="ValueParserOptions.TimeZone"/>.</summary>
    private static readonly string[] IsoLocalPatterns = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    private static ParsedValue ParseDate(string text, DateFormat? format)
    {
        // A date field given a date-time pattern keeps the date as written, whatever the offset.
        if (TryParseExact(text, format ?? DateFormat.ZohoDate, out var local, out _)
            || (format is null && DateTime.TryParseExact(text, IsoDatePatterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out local)))
        {
            return ParsedValue.Of(DateOnly.FromDateTime(local));
        }

        var expected = format is null ? "MM/dd/yyyy or yyyy-MM-dd" : format.JavaPattern;
        return ParsedValue.Invalid($"expected a date in {expected}, got {Quote(text)}");
    }

    private ParsedValue ParseDateTime(string text, DateFormat? format)
    {
        DateTimeOffset? value = null;
        if (TryParseExact(text, format ?? DateFormat.ZohoDateTime, out var local, out var offset))
        {
            value = offset is { } o ? new DateTimeOffset(local, o) : InTimeZone(local);
        }
        else if (format is null)
        {
            if (DateTimeOffset.TryParseExact(text, IsoZonedPatterns, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var zoned))
            {
                value = zoned;
            }
            else if (DateTime.TryParseExact(text, IsoLocalPatterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
            {
                value = InTimeZone(local);
            }
        }

        if (value is { } parsed)
        {
            return ParsedValue.Of(parsed);
        }

        var expected = format is null ? "MM/dd/yyyy HH:mm:ss or ISO 8601" : format.JavaPattern;
        return ParsedValue.Invalid($"expected a date-time in {expected}, got {Quote(text)}");
    }

    /// <summary>Reads <paramref name="text"/> with <paramref name="format"/>; <paramref name="offset"/> is
    /// set only when the pattern carries one.</summary>
    private static bool TryParseExact(string text, DateFormat format, out DateTime local, out TimeSpan? offset)
    {
        offset = null;
        if (!format.HasOffset)
        {
            return DateTime.TryParseExact(text, format.ParsePatterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
        }

        // AssumeUniversal only matters for the literal-'Z' alternative, which has no offset field.
        if (DateTimeOffset.TryParseExact(text, format.ParsePatterns, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var zoned))
        {
            local = zoned.DateTime;
            offset = zoned.Offset;
            return true;
        }

        local = default;
        return false;
    }

    /// <summary>
    /// Places a wall-clock time in the configured zone the way java.time's <c>ZonedDateTime.of</c> does:
    /// a time skipped by a DST change moves forward by the gap; a repeated time takes the earlier instant.
    /// Returns null when the instant falls outside <see cref="DateTimeOffset"/>'s range.
    /// </summary>
    private DateTimeOffset? InTimeZone(DateTime local)
    {
        var zone = Options.TimeZone;
        try
        {
            if (zone.IsInvalidTime(local))
            {
                var offsetBeforeGap = zone.GetUtcOffset(local.AddDays(-1));
                return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offsetBeforeGap), zone);
            }

            var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
            return new DateTimeOffset(local, offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
