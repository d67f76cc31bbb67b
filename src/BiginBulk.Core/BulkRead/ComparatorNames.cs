namespace BiginBulk.Core.BulkRead;

/// <summary>The wire spelling of each <see cref="Comparator"/>: SDK8 sends these 14 lower-case values.</summary>
public static class ComparatorNames
{
    private static readonly (Comparator Comparator, string Name)[] Names =
    [
        (Comparator.Equal, "equal"),
        (Comparator.NotEqual, "not_equal"),
        (Comparator.In, "in"),
        (Comparator.NotIn, "not_in"),
        (Comparator.LessThan, "less_than"),
        (Comparator.LessEqual, "less_equal"),
        (Comparator.GreaterThan, "greater_than"),
        (Comparator.GreaterEqual, "greater_equal"),
        (Comparator.Contains, "contains"),
        (Comparator.NotContains, "not_contains"),
        (Comparator.StartsWith, "starts_with"),
        (Comparator.EndsWith, "ends_with"),
        (Comparator.Between, "between"),
        (Comparator.NotBetween, "not_between"),
    ];

    /// <summary>The name Zoho's JSON uses, e.g. <c>not_equal</c>: what job details echo and errors quote.</summary>
    public static string ToWireName(this Comparator comparator)
    {
        foreach (var (value, wire) in Names)
        {
            if (value == comparator)
            {
                return wire;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(comparator), comparator, null);
    }

    /// <summary>Reads a wire name case-insensitively: Zoho's own posts mix cases (<c>"AND"</c>), so be lenient.</summary>
    public static bool TryParse(string name, out Comparator comparator)
    {
        foreach (var (value, wire) in Names)
        {
            if (string.Equals(wire, name, StringComparison.OrdinalIgnoreCase))
            {
                comparator = value;
                return true;
            }
        }

        comparator = default;
        return false;
    }
}
