using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>
/// An independent evaluation of bulk read criteria over in-memory records, written from the spec's
/// semantics (not from the product's code): text compares case-insensitively (ASCII); an empty field is
/// null or ""; positive comparators never match an empty field, negative ones (not_equal, not_in,
/// not_contains, not_between) always do, unless <c>${EMPTY}</c> is among their values; <c>${EMPTY}</c>
/// in equal/in matches empty fields, in not_equal/not_in excludes them; between is inclusive; an unset
/// boolean reads as false.
/// </summary>
internal static class CriteriaOracle
{
    public const string Empty = "${EMPTY}";

    /// <summary>Whether <paramref name="record"/> (field name → typed value: string, long, bool, DateOnly or null) matches;
    /// <paramref name="isBoolean"/> names the boolean fields, whose only comparator is equal.</summary>
    public static bool Matches(JsonNode criteria, Func<string, object?> record, Func<string, bool> isBoolean)
    {
        var node = criteria.AsObject();
        if (node["group"] is JsonArray group)
        {
            var and = string.Equals(node["group_operator"]!.GetValue<string>(), "and", StringComparison.OrdinalIgnoreCase);
            return and ? group.All(c => Matches(c!, record, isBoolean)) : group.Any(c => Matches(c!, record, isBoolean));
        }

        var field = node["api_name"]?.GetValue<string>() ?? node["field"]!["api_name"]!.GetValue<string>();
        var comparator = node["comparator"]!.GetValue<string>();
        var value = record(field);
        var isEmpty = value is null || value is string { Length: 0 };
        if (isBoolean(field))
        {
            return (value as bool? ?? false) == ToBoolean(node["value"]!);
        }

        var raw = node["value"]!;
        var items = raw is JsonArray array ? array.Select(i => i!).ToList() : [raw];
        var hasEmpty = items.Any(IsEmptyToken);
        var operands = items.Where(i => !IsEmptyToken(i)).Select(i => Operand(i, value)).ToList();
        return comparator switch
        {
            "equal" => hasEmpty ? isEmpty : !isEmpty && Same(value!, operands[0]),
            "not_equal" => hasEmpty ? !isEmpty : isEmpty || !Same(value!, operands[0]),
            "in" => (!isEmpty && operands.Any(o => Same(value!, o))) || (hasEmpty && isEmpty),
            "not_in" => hasEmpty ? !isEmpty && !operands.Any(o => Same(value!, o)) : isEmpty || !operands.Any(o => Same(value!, o)),
            "contains" => !isEmpty && Text(value!).Contains(Text(operands[0]), StringComparison.OrdinalIgnoreCase),
            "not_contains" => isEmpty || !Text(value!).Contains(Text(operands[0]), StringComparison.OrdinalIgnoreCase),
            "starts_with" => !isEmpty && Text(value!).StartsWith(Text(operands[0]), StringComparison.OrdinalIgnoreCase),
            "ends_with" => !isEmpty && Text(value!).EndsWith(Text(operands[0]), StringComparison.OrdinalIgnoreCase),
            "less_than" => !isEmpty && Compare(value!, operands[0]) < 0,
            "less_equal" => !isEmpty && Compare(value!, operands[0]) <= 0,
            "greater_than" => !isEmpty && Compare(value!, operands[0]) > 0,
            "greater_equal" => !isEmpty && Compare(value!, operands[0]) >= 0,
            "between" => !isEmpty && Compare(value!, operands[0]) >= 0 && Compare(value!, operands[1]) <= 0,
            "not_between" => isEmpty || !(Compare(value!, operands[0]) >= 0 && Compare(value!, operands[1]) <= 0),
            _ => throw new ArgumentException($"Unknown comparator {comparator}"),
        };
    }

    private static bool IsEmptyToken(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == Empty;

    private static bool ToBoolean(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => bool.Parse(node.GetValue<string>()),
    };

    /// <summary>The criteria value typed like the record's value (an empty record value keeps text).</summary>
    private static object Operand(JsonNode node, object? like)
    {
        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return like switch
        {
            long => long.Parse(text, CultureInfo.InvariantCulture),
            DateOnly => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static bool Same(object value, object operand) => value is string s
        ? string.Equals(s, Text(operand), StringComparison.OrdinalIgnoreCase)
        : value.Equals(operand);

    private static int Compare(object value, object operand) => value switch
    {
        DateOnly d => d.CompareTo((DateOnly)operand),
        long l => l.CompareTo((long)operand),
        _ => string.Compare(Text(value), Text(operand), StringComparison.OrdinalIgnoreCase),
    };
}
