using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Json;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// Values, typed by what the field path reads: integer and bigint → <see cref="long"/> (a decimal would reach
/// storage as a double and lose 19-digit ids), double/currency/percent → <see cref="decimal"/>, text → string,
/// date → <see cref="DateOnly"/>, datetime → <see cref="DateTimeOffset"/>, boolean → bool, lookup and
/// owner-lookup ids → <see cref="long"/>.
/// </summary>
public static partial class CriteriaParser
{
    /// <summary>"Not more than 255 characters" for text values, per Zoho's comparator table.</summary>
    public const int MaxTextLength = 255;

    private const string DatePattern = "yyyy-MM-dd";

    /// <summary>ISO 8601 to the second with an offset; the page says milliseconds are not supported.</summary>
    private static readonly string[] DateTimePatterns = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    private static (IReadOnlyList<object> Values, bool MatchesEmpty) ReadValues(FieldPath field, Comparator comparator, JsonNode value, string path)
    {
        if (ComparatorRules.TakesList(comparator))
        {
            // A lone scalar is a one-element list: SDKs that model value as a string send "in" that way.
            JsonNode?[] items = value is JsonArray array ? [.. array] : [value];
            if (items.Length == 0)
            {
                throw ValueError(field, comparator, $"{comparator.ToWireName()} needs at least one value.", path);
            }

            var values = new List<object>(items.Length);
            var matchesEmpty = false;
            for (var i = 0; i < items.Length; i++)
            {
                var itemPath = value is JsonArray ? $"{path}[{BulkReadErrors.Invariant(i)}]" : path;
                if (IsEmptyToken(items[i]))
                {
                    matchesEmpty = true;
                }
                else
                {
                    values.Add(ReadScalar(field, comparator, items[i], itemPath));
                }
            }

            return (values, matchesEmpty);
        }

        if (ComparatorRules.TakesRange(comparator))
        {
            if (value is not JsonArray { Count: 2 } range)
            {
                throw ValueError(field, comparator, $"{comparator.ToWireName()} needs a JSON array of exactly two values, low then high.", path);
            }

            var low = ReadScalar(field, comparator, range[0], $"{path}[0]");
            var high = ReadScalar(field, comparator, range[1], $"{path}[1]");
            if (Comparer<object>.Default.Compare(low, high) > 0)
            {
                throw ValueError(field, comparator, $"the first value of {comparator.ToWireName()} must not be after the second.", path);
            }

            return ([low, high], false);
        }

        if (value is JsonArray)
        {
            throw ValueError(field, comparator, $"{comparator.ToWireName()} takes a single value, not a JSON array.", path);
        }

        return IsEmptyToken(value) && ComparatorRules.AllowsEmpty(comparator)
            ? ([], true)
            : ([ReadScalar(field, comparator, value, path)], false);
    }

    private static bool IsEmptyToken(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && string.Equals(s, EmptyValue, StringComparison.Ordinal);

    private static object ReadScalar(FieldPath field, Comparator comparator, JsonNode? node, string path)
    {
        if (IsEmptyToken(node))
        {
            throw ValueError(field, comparator, $"{EmptyValue} can only be used with equal, not_equal, in and not_in.", path);
        }

        var type = field.Type;
        object? value = type switch
        {
            FieldType.Integer or FieldType.BigInt => ReadWholeNumber(node),
            FieldType.Decimal or FieldType.Currency or FieldType.Percent => ReadDecimal(node),
            FieldType.Boolean => ReadBoolean(node),
            FieldType.Date => ReadString(node) is { } text && DateOnly.TryParseExact(text, DatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            FieldType.DateTime => ReadString(node) is { } text
                && DateTimeOffset.TryParseExact(text, DateTimePatterns, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null,
            FieldType.Lookup or FieldType.OwnerLookup => ReadIdText(node) is { } text && FieldValueParser.ParseLookupId(text) is { IsValid: true, Value: long id } ? id : null,
            _ => ReadText(field, comparator, node, path),
        };

        return value ?? throw ValueError(field, comparator, $"{field.ApiName} takes {Describe(type)}; got {ZohoJson.Show(node)}.", path,
            ("expected_data_type", type.ToZohoName()));
    }

    private static string ReadText(FieldPath field, Comparator comparator, JsonNode? node, string path)
    {
        // Numbers are taken as their text: phone numbers and codes are often sent unquoted.
        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : ReadString(node);
        if (text is null)
        {
            throw ValueError(field, comparator, $"{field.ApiName} takes text; got {ZohoJson.Show(node)}.", path,
                ("expected_data_type", field.Type.ToZohoName()));
        }

        if (text.Length > MaxTextLength)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.ValueLimitExceededInCriteria,
                $"the value for {field.ApiName} has {BulkReadErrors.Invariant(text.Length)} characters; at most {BulkReadErrors.Invariant(MaxTextLength)} are allowed.",
                path, ("api_name", field.ApiName), ("comparator", comparator.ToWireName()), ("max_limit", MaxTextLength));
        }

        return text;
    }

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string? ReadIdText(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : ReadString(node);

    private static decimal? ReadDecimal(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        // JSON numbers may carry an exponent; quoted numbers are plain decimals, as a user would type them.
        return v.GetValueKind() switch
        {
            JsonValueKind.Number when decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            JsonValueKind.String when decimal.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>Integer and bigint fields take whole numbers that fit Int64 ("not more than 19 digits").</summary>
    private static long? ReadWholeNumber(JsonNode? node) =>
        ReadDecimal(node) is { } n && n == decimal.Truncate(n) && n >= long.MinValue && n <= long.MaxValue ? (long)n : null;

    private static bool? ReadBoolean(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var b) => b,
            _ => null,
        }
        : null;

    private static string Describe(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.BigInt => "a whole number",
        FieldType.Decimal or FieldType.Currency or FieldType.Percent => "a number",
        FieldType.Boolean => "true or false",
        FieldType.Date => "a date in yyyy-MM-dd",
        FieldType.DateTime => "a date-time in yyyy-MM-ddTHH:mm:ss±hh:mm (no milliseconds)",
        FieldType.Lookup or FieldType.OwnerLookup => "a record or user id (digits)",
        _ => "text",
    };

    private static ZohoErrorException ValueError(FieldPath field, Comparator comparator, string reason, string path, params (string Key, JsonNode? Value)[] extra) =>
        BulkReadErrors.Error(Code, $"invalid criteria: {reason}", path,
            [("api_name", field.ApiName), ("comparator", comparator.ToWireName()), .. extra]);
}
