using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// Which comparators each data type allows, from the "Allowed Comparators" table of Bigin's create-bulk-read-job
/// page. A dot field (<c>Account_Name.Phone</c>) takes the rules of the type it reads, not of the lookup.
/// </summary>
/// <remarks>
/// One deliberate addition: the table lists only equal, not_equal, in, not_in, between and not_between for
/// dates, but the same page's ICS sample filters <c>Created_Time</c> with <c>greater_equal</c>, and CRM clients
/// (e.g. incremental exports on <c>Modified_Time</c> with <c>greater_than</c>) rely on it. Refusing the page's
/// own sample would break wire compatibility, so dates also take the four ordering comparators.
/// </remarks>
public static class ComparatorRules
{
    private static readonly Comparator[] Numbers =
    [
        Comparator.Equal, Comparator.NotEqual, Comparator.In, Comparator.NotIn,
        Comparator.LessThan, Comparator.LessEqual, Comparator.GreaterThan, Comparator.GreaterEqual,
    ];

    private static readonly Comparator[] Text =
    [
        Comparator.Equal, Comparator.NotEqual, Comparator.In, Comparator.NotIn,
        Comparator.Contains, Comparator.NotContains, Comparator.StartsWith, Comparator.EndsWith,
    ];

    private static readonly Comparator[] Dates =
    [
        Comparator.Equal, Comparator.NotEqual, Comparator.In, Comparator.NotIn,
        Comparator.LessThan, Comparator.LessEqual, Comparator.GreaterThan, Comparator.GreaterEqual,
        Comparator.Between, Comparator.NotBetween,
    ];

    private static readonly Comparator[] Boolean = [Comparator.Equal];

    private static readonly Comparator[] Lookups = [Comparator.Equal, Comparator.NotEqual, Comparator.In, Comparator.NotIn];

    /// <summary>The comparators a value of <paramref name="type"/> may be filtered with, in the table's order.</summary>
    public static IReadOnlyList<Comparator> For(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.BigInt or FieldType.Decimal or FieldType.Currency or FieldType.Percent => Numbers,
        FieldType.Text or FieldType.TextArea or FieldType.Email or FieldType.Phone or FieldType.Website
            or FieldType.Picklist or FieldType.MultiSelectPicklist => Text,
        FieldType.Date or FieldType.DateTime => Dates,
        FieldType.Boolean => Boolean,
        FieldType.Lookup or FieldType.OwnerLookup => Lookups,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary><c>${EMPTY}</c> stands for "no value" and only makes sense for (in)equality and membership.</summary>
    public static bool AllowsEmpty(Comparator comparator) =>
        comparator is Comparator.Equal or Comparator.NotEqual or Comparator.In or Comparator.NotIn;

    /// <summary>The comparator takes a list of values (a single scalar is read as a one-element list).</summary>
    public static bool TakesList(Comparator comparator) => comparator is Comparator.In or Comparator.NotIn;

    /// <summary>The comparator takes exactly two values, low then high.</summary>
    public static bool TakesRange(Comparator comparator) => comparator is Comparator.Between or Comparator.NotBetween;
}
