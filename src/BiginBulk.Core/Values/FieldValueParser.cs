using System.Collections.Concurrent;
using System.Globalization;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.Values;

/// <summary>
/// Turns one CSV cell into the typed value storage receives, validating it the way Zoho's bulk write
/// does: a malformed or too-long value is rejected with <c>INVALID_DATA</c> and a detail, never thrown.
/// Thread-safe; one instance can serve every job that shares its <see cref="ValueParserOptions"/>.
/// </summary>
/// <remarks>
/// Surrounding whitespace is trimmed for every type except <see cref="FieldType.TextArea"/>, whose
/// free-form multi-line text is stored as written. A whitespace-only cell is <see cref="ParsedValue.Empty"/>.
/// Lookup by name is not parsed here: parse the cell against the looked-up module's display field.
/// </remarks>
public sealed partial class FieldValueParser
{
    /// <summary>Mapping formats come from clients; cache a bounded number so a hostile stream of
    /// distinct patterns can't grow memory.</summary>
    private const int MaxCachedFormats = 64;

    private readonly ConcurrentDictionary<string, DateFormat> _formats = new(StringComparer.Ordinal);

    public FieldValueParser(ValueParserOptions? options = null)
    {
        Options = options ?? ValueParserOptions.Default;
    }

    public ValueParserOptions Options { get; }

    /// <summary>
    /// Parses <paramref name="raw"/> for <paramref name="field"/>. <paramref name="format"/> is the
    /// mapping's Java-style date pattern; it applies to date and date-time fields only and must already
    /// have passed <see cref="DateFormat.TryCreate"/> (an invalid one throws <see cref="FormatException"/>).
    /// </summary>
    public ParsedValue Parse(FieldDefinition field, string raw, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(raw);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ParsedValue.Empty;
        }

        // No store keeps a NUL character in text (PostgreSQL refuses it), so a cell holding one is refused here,
        // the same way on every store, rather than stored on one and altered on another.
        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            return ParsedValue.Invalid("the value contains a NUL character (U+0000), which no field can hold");
        }

        var text = field.Type == FieldType.TextArea ? raw : raw.Trim();
        return field.Type switch
        {
            FieldType.Text or FieldType.TextArea => ParseText(field, text),
            FieldType.Email => ParseEmail(field, text),
            FieldType.Phone => ParsePhone(field, text),
            FieldType.Website => ParseWebsite(field, text),
            FieldType.Picklist => ParsePicklist(field, text),
            FieldType.MultiSelectPicklist => ParseMultiSelect(field, text),
            FieldType.Integer => ParseInteger(field, text, int.MinValue, int.MaxValue),
            FieldType.BigInt => ParseInteger(field, text, long.MinValue, long.MaxValue),
            FieldType.Decimal or FieldType.Currency or FieldType.Percent => ParseDecimal(field, text),
            FieldType.Boolean => ParseBoolean(text),
            FieldType.Date => ParseDate(text, format is null ? null : GetFormat(format)),
            FieldType.DateTime => ParseDateTime(text, format is null ? null : GetFormat(format)),
            FieldType.Lookup => ParseLookupId(text),
            FieldType.OwnerLookup => ParseOwner(text),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Unknown field type."),
        };
    }

    /// <summary>
    /// Reads a record id: decimal digits only, positive, fitting in Int64 — the only form Zoho ids take.
    /// Used for lookup-by-id cells and for <c>find_by: Id</c>.
    /// </summary>
    public static ParsedValue ParseLookupId(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ParsedValue.Empty;
        }

        var text = raw.Trim();
        return IsAllDigits(text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? ParsedValue.Of(id)
            : ParsedValue.Invalid($"expected a record id (digits), got {Quote(text)}");
    }

    private static ParsedValue ParseOwner(string text)
    {
        if (IsAllDigits(text))
        {
            var id = ParseLookupId(text);
            return id.IsValid ? ParsedValue.Of(OwnerReference.FromId((long)id.Value!)) : id;
        }

        return IsEmailAddress(text)
            ? ParsedValue.Of(OwnerReference.FromEmail(text))
            : ParsedValue.Invalid($"expected a user id or email, got {Quote(text)}");
    }

    private DateFormat GetFormat(string javaPattern)
    {
        if (_formats.TryGetValue(javaPattern, out var cached))
        {
            return cached;
        }

        var format = DateFormat.Create(javaPattern);
        if (_formats.Count < MaxCachedFormats)
        {
            _formats.TryAdd(javaPattern, format);
        }

        return format;
    }

    private static bool IsAllDigits(string text) => text.Length > 0 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>Quotes a cell for a detail message, shortened so one huge cell can't bloat the job's errors.</summary>
    private static string Quote(string text) => text.Length <= 60 ? $"'{text}'" : $"'{text[..57]}...'";
}
