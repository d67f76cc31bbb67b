namespace BiginBulk.Core.BulkRead;

/// <summary>The comparators of bulk read criteria; wire names are lower snake case (<c>not_equal</c>).</summary>
public enum Comparator
{
    Equal,
    NotEqual,
    In,
    NotIn,
    LessThan,
    LessEqual,
    GreaterThan,
    GreaterEqual,
    Contains,
    NotContains,
    StartsWith,
    EndsWith,
    Between,
    NotBetween,
}
