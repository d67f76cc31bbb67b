using System.Diagnostics.CodeAnalysis;

namespace BiginBulk.Core.Values;

/// <summary>
/// A date or date-time pattern from a field mapping's <c>format</c>. Zoho's servers are Java, so the
/// pattern is written in Java's notation (<c>yyyy/MM/dd</c>, <c>dd-MM-yyyy hh:mm a</c>); this type
/// converts it once, when the job is created, so a bad pattern is rejected with <c>INVALID_FORMAT</c>
/// up front instead of failing every row.
/// </summary>
public sealed partial class DateFormat
{
    private DateFormat(string javaPattern, string dotNetPattern, string[] parsePatterns, bool hasOffset)
    {
        JavaPattern = javaPattern;
        DotNetPattern = dotNetPattern;
        ParsePatterns = parsePatterns;
        HasOffset = hasOffset;
    }

    /// <summary>Zoho's default for date fields when a mapping gives no format.</summary>
    public static DateFormat ZohoDate { get; } = Create("MM/dd/yyyy");

    /// <summary>Zoho's default for date-time fields when a mapping gives no format.</summary>
    public static DateFormat ZohoDateTime { get; } = Create("MM/dd/yyyy HH:mm:ss");

    /// <summary>The pattern as the client wrote it; error details quote this, not the .NET form.</summary>
    public string JavaPattern { get; }

    /// <summary>The equivalent .NET custom format string (literals backslash-escaped).</summary>
    public string DotNetPattern { get; }

    /// <summary>The pattern carries a UTC offset (<c>Z</c>, <c>X</c> or <c>x</c>), so values need no zone.</summary>
    public bool HasOffset { get; }

    /// <summary>
    /// What <see cref="DateTime.TryParseExact(string, string[], IFormatProvider, System.Globalization.DateTimeStyles, out DateTime)"/>
    /// tries. Two-digit numeric fields also accept one digit (<c>MM/dd/yyyy</c> reads <c>3/1/2024</c>, as
    /// Java's SimpleDateFormat does), and an offset may be written <c>+05:30</c>, <c>+0530</c>, <c>+05</c> or <c>Z</c>.
    /// </summary>
    internal string[] ParsePatterns { get; }

    /// <summary>Converts a Java date pattern to a .NET custom format string, or explains why it can't.</summary>
    public static bool TryConvertJavaPattern(
        string javaPattern,
        [NotNullWhen(true)] out string? dotNetPattern,
        [NotNullWhen(false)] out string? error)
    {
        if (TryCreate(javaPattern, out var format, out error))
        {
            dotNetPattern = format.DotNetPattern;
            return true;
        }

        dotNetPattern = null;
        return false;
    }

    /// <summary>Converts <paramref name="javaPattern"/>; <paramref name="error"/> is a sentence for the
    /// <c>INVALID_FORMAT</c> message when it is not a supported date pattern.</summary>
    public static bool TryCreate(
        string javaPattern,
        [NotNullWhen(true)] out DateFormat? format,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(javaPattern);
        format = null;
        if (!TryTokenize(javaPattern, out var tokens, out error) || !TryValidate(tokens, out error)
            || !TryRender(tokens, relaxed: false, OffsetStyle.Full, out var dotNetPattern, out error))
        {
            return false;
        }

        var hasOffset = tokens.Any(t => t.IsOffset);
        OffsetStyle[] offsetStyles = hasOffset ? [OffsetStyle.Full, OffsetStyle.HoursOnly, OffsetStyle.UtcLetter] : [OffsetStyle.Full];
        var parsePatterns = new string[offsetStyles.Length];
        for (var i = 0; i < offsetStyles.Length; i++)
        {
            // Rendering succeeded once, so the relaxed variants cannot fail.
            TryRender(tokens, relaxed: true, offsetStyles[i], out var pattern, out _);
            parsePatterns[i] = pattern!;
        }

        format = new DateFormat(javaPattern, dotNetPattern, parsePatterns, hasOffset);
        return true;
    }

    /// <summary>Like <see cref="TryCreate"/>, but throws <see cref="FormatException"/> for a bad pattern.</summary>
    public static DateFormat Create(string javaPattern) =>
        TryCreate(javaPattern, out var format, out var error)
            ? format
            : throw new FormatException($"Invalid date format '{javaPattern}': {error}");

    public override string ToString() => JavaPattern;
}
