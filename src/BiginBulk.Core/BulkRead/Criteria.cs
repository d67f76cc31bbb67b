namespace BiginBulk.Core.BulkRead;

/// <summary>A bulk read criteria tree: a group of criteria joined by and/or, or one condition.</summary>
public abstract record Criteria;

/// <summary><c>{"group_operator":"and","group":[…]}</c>.</summary>
public sealed record CriteriaGroup(GroupOperator Operator, IReadOnlyList<Criteria> Group) : Criteria;

/// <summary>
/// <c>{"api_name":"Last_Name","comparator":"equal","value":"Boyle"}</c>. <see cref="Values"/> holds the typed
/// value (one for most comparators, several for in/not_in, two for between/not_between). A value of
/// <c>${EMPTY}</c> is <see cref="MatchesEmpty"/> with no values: it matches fields that have no value.
/// </summary>
public sealed record CriteriaCondition(FieldPath Field, Comparator Comparator, IReadOnlyList<object> Values, bool MatchesEmpty) : Criteria;

public enum GroupOperator
{
    And,
    Or,
}
