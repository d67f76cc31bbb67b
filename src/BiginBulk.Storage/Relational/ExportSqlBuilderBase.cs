using System.Globalization;
using System.Text;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.Relational;

/// <summary>
/// Compiles a bulk read (columns, dot fields, criteria tree) into one SELECT, the same way for every SQL store;
/// a subclass supplies the dialect (identifier quoting, parameters, case-insensitive text, booleans).
/// Identifiers come only from our schema; every value the client sent is a bound parameter. Dot fields become
/// LEFT JOINs on the looked-up module's table (or the org's user mirror), one per lookup field used.
/// Semantics every store shares: text compares case-insensitively; the negative comparators (not_equal,
/// not_in, not_contains, not_between) also match records whose field is empty, as "is not X" reads in Bigin's
/// own filters; an unset boolean reads as false.
/// </summary>
public abstract class ExportSqlBuilderBase
{
    private readonly ExportQuery _query;
    private readonly Dictionary<string, string> _joinAliases = new(StringComparer.Ordinal);
    private readonly StringBuilder _joins = new();
    private readonly List<(string Name, object? Value)> _parameters = [];

    /// <summary>
    /// Longer in/not_in lists are bound as one parameter (<see cref="ValueList"/>): one placeholder per value
    /// would pass SQLite's 32,766 and PostgreSQL's 65,535 bound variables per statement.
    /// </summary>
    public const int MaxInlineValues = 100;

    protected ExportSqlBuilderBase(ExportQuery query) => _query = query;

    /// <summary>SQL that is always true / always false in this dialect.</summary>
    protected abstract string True { get; }

    protected abstract string False { get; }

    /// <summary>The value an unset boolean column is read as.</summary>
    protected abstract string BooleanFalse { get; }

    /// <summary>The case-insensitive LIKE operator (SQLite's LIKE, PostgreSQL's ILIKE).</summary>
    protected abstract string CaseInsensitiveLike { get; }

    /// <summary>The page's rows: the query's columns, then the record id.</summary>
    public string BuildSelect()
    {
        var columns = string.Join(", ", _query.Columns.Select(Column).Append("t.id"));
        var where = _query.Criteria is null ? True : Compile(_query.Criteria);
        var limit = Raw((long)_query.Limit);
        var offset = Raw(_query.Offset);
        return $"SELECT {columns} FROM {TableName(_query.Module)} t{_joins} WHERE {where} ORDER BY t.id LIMIT {limit} OFFSET {offset}";
    }

    /// <summary>One row when any matching record lies past the page.</summary>
    public string BuildBeyond()
    {
        var where = _query.Criteria is null ? True : Compile(_query.Criteria);
        var offset = Raw(_query.Offset + _query.Limit);
        return $"SELECT 1 FROM {TableName(_query.Module)} t{_joins} WHERE {where} ORDER BY t.id LIMIT 1 OFFSET {offset}";
    }

    /// <summary>The values bound by the SQL built so far, by bare name (the SQL says <c>@name</c>).</summary>
    public IReadOnlyList<(string Name, object? Value)> Parameters => _parameters;

    private static string TableName(ModuleDefinition module) => RecordTables.TableName(module);

    private static string Quote(string identifier) => SqlDialect.Quote(identifier);

    /// <summary>Binds a value already in its stored form; returns its placeholder.</summary>
    protected string AddParameter(object dbValue)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, dbValue));
        return "@" + name;
    }

    /// <summary>
    /// A subquery yielding <paramref name="dbValues"/> (stored forms) from one bound parameter, compared as
    /// <see cref="CaseInsensitiveValue"/> when <paramref name="text"/>.
    /// </summary>
    protected abstract string ValueList(IReadOnlyList<object> dbValues, bool text);

    /// <summary>A criteria value of <paramref name="field"/> in its stored form.</summary>
    protected abstract object ToDb(FieldDefinition field, object value);

    /// <summary>A value that belongs to no field (a LIKE pattern, a limit) in its stored form.</summary>
    protected abstract object ToDb(object value);

    protected abstract bool IsText(FieldDefinition field);

    /// <summary>A text column as compared case-insensitively (SQLite: a NOCASE collation; PostgreSQL: lower()).</summary>
    protected abstract string CaseInsensitive(string column);

    /// <summary>A text parameter as compared with <see cref="CaseInsensitive"/>.</summary>
    protected abstract string CaseInsensitiveValue(string parameter);

    /// <summary>"No value": NULL, and for text also the empty string (PostgreSQL cannot compare a bigint with '').</summary>
    protected virtual string Empty(string column, bool text) => text ? $"({column} IS NULL OR {column} = '')" : $"({column} IS NULL)";

    private string Column(FieldPath path)
    {
        if (!path.IsDotField)
        {
            return "t." + Quote(path.Field.ColumnName);
        }

        var alias = Join(path);
        return path.UserAttribute is { } attribute
            ? $"{alias}.{Quote(attribute)}"
            : $"{alias}.{Quote(path.TargetField!.ColumnName)}";
    }

    private string Join(FieldPath path)
    {
        if (_joinAliases.TryGetValue(path.Field.ApiName, out var alias))
        {
            return alias;
        }

        alias = "j" + _joinAliases.Count.ToString(CultureInfo.InvariantCulture);
        _joinAliases[path.Field.ApiName] = alias;
        var table = path.UserAttribute is not null ? "org_users" : TableName(path.TargetModule!);
        _joins.Append(" LEFT JOIN ").Append(table).Append(' ').Append(alias)
            .Append(" ON ").Append(alias).Append(".id = t.").Append(Quote(path.Field.ColumnName));
        return alias;
    }

    private string Compile(Criteria criteria) => criteria switch
    {
        CriteriaGroup group => "(" + string.Join(group.Operator == GroupOperator.And ? " AND " : " OR ", group.Group.Select(Compile)) + ")",
        CriteriaCondition condition => Compile(condition),
        _ => throw new ArgumentException($"Unknown criteria node {criteria.GetType().Name}.", nameof(criteria)),
    };

    private string Compile(CriteriaCondition condition)
    {
        var column = Column(condition.Field);
        var field = condition.Field.ValueField;
        var text = IsText(field);
        if (field.Type == FieldType.Boolean)
        {
            column = $"coalesce({column}, {BooleanFalse})";
        }

        // Most text columns are declared case-insensitive, but not all (a generated Full_Name, a joined user
        // column), so the comparison says so itself rather than trusting the schema.
        var empty = Empty(column, text);
        var compared = text ? CaseInsensitive(column) : column;
        string Value(object value) => text ? CaseInsensitiveValue(AddParameter(ToDb(field, value))) : AddParameter(ToDb(field, value));
        var values = condition.Values;
        var positive = condition.Comparator switch
        {
            Comparator.Equal or Comparator.NotEqual or Comparator.In or Comparator.NotIn =>
                values.Count == 0 ? null
                : values.Count == 1 ? $"{compared} = {Value(values[0])}"
                : values.Count <= MaxInlineValues ? $"{compared} IN ({string.Join(", ", values.Select(Value))})"
                : $"{compared} IN ({ValueList([.. values.Select(v => ToDb(field, v))], text)})",
            Comparator.LessThan => $"{compared} < {Value(values[0])}",
            Comparator.LessEqual => $"{compared} <= {Value(values[0])}",
            Comparator.GreaterThan => $"{compared} > {Value(values[0])}",
            Comparator.GreaterEqual => $"{compared} >= {Value(values[0])}",
            Comparator.Contains or Comparator.NotContains => $"{column} {CaseInsensitiveLike} {Raw("%" + EscapeLike(values[0]) + "%")} ESCAPE '\\'",
            Comparator.StartsWith => $"{column} {CaseInsensitiveLike} {Raw(EscapeLike(values[0]) + "%")} ESCAPE '\\'",
            Comparator.EndsWith => $"{column} {CaseInsensitiveLike} {Raw("%" + EscapeLike(values[0]))} ESCAPE '\\'",
            Comparator.Between or Comparator.NotBetween => $"{compared} BETWEEN {Value(values[0])} AND {Value(values[1])}",
            _ => throw new ArgumentException($"Unknown comparator {condition.Comparator}.", nameof(condition)),
        };

        var matches = (positive, condition.MatchesEmpty) switch
        {
            (null, true) => empty,
            (not null, true) => $"({positive} OR {empty})",
            (not null, false) => $"({positive})",
            _ => False,
        };

        var negative = condition.Comparator is Comparator.NotEqual or Comparator.NotIn or Comparator.NotContains or Comparator.NotBetween;
        if (!negative)
        {
            return matches;
        }

        // NOT (a OR empty) alone would drop NULLs through SQL's three-valued logic; say what is meant.
        return condition.MatchesEmpty
            ? $"(NOT {empty} AND NOT coalesce({positive ?? False}, {False}))"
            : $"({empty} OR NOT coalesce({positive}, {False}))";
    }

    private string Raw(object value) => AddParameter(ToDb(value));

    private static string EscapeLike(object value) =>
        Convert.ToString(value, CultureInfo.InvariantCulture)!
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
