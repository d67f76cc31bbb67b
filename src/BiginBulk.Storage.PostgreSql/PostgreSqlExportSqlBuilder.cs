using System.Globalization;
using System.Text;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;
using Npgsql;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// Compiles a bulk read (columns, dot fields, criteria tree) into one SELECT, with the same semantics as the
/// SQLite builder: text compares case-insensitively, the negative comparators also match empty fields, and an
/// unset boolean reads as false. Identifiers come only from our schema; every value is a bound parameter.
/// Dialect differences: lower() on both sides replaces SQLite's NOCASE collation and ILIKE its ASCII
/// case-insensitive LIKE; "empty" is only <c>''</c>-tested on text columns, because PostgreSQL rejects
/// comparing a bigint, date or boolean with <c>''</c> (SQLite just says false).
/// </summary>
internal sealed class PostgreSqlExportSqlBuilder
{
    private readonly ExportQuery _query;
    private readonly Dictionary<string, string> _joinAliases = new(StringComparer.Ordinal);
    private readonly StringBuilder _joins = new();
    private readonly List<NpgsqlParameter> _parameters = [];

    public PostgreSqlExportSqlBuilder(ExportQuery query) => _query = query;

    public IReadOnlyList<NpgsqlParameter> Parameters => _parameters;

    /// <summary>The page's rows: the query's columns, then the record id.</summary>
    public string BuildSelect()
    {
        var columns = string.Join(", ", _query.Columns.Select(Column).Append("t.id"));
        var where = _query.Criteria is null ? "true" : Compile(_query.Criteria);
        var limit = Parameter((long)_query.Limit);
        var offset = Parameter(_query.Offset);
        return $"SELECT {columns} FROM {PostgreSqlRecordTable.TableName(_query.Module)} t{_joins} WHERE {where} ORDER BY t.id LIMIT {limit} OFFSET {offset}";
    }

    /// <summary>One row when any matching record lies past the page.</summary>
    public string BuildBeyond()
    {
        var where = _query.Criteria is null ? "true" : Compile(_query.Criteria);
        var offset = Parameter(_query.Offset + _query.Limit);
        return $"SELECT 1 FROM {PostgreSqlRecordTable.TableName(_query.Module)} t{_joins} WHERE {where} ORDER BY t.id LIMIT 1 OFFSET {offset}";
    }

    private string Column(FieldPath path)
    {
        if (!path.IsDotField)
        {
            return "t." + PostgreSqlValues.Quote(path.Field.ColumnName);
        }

        var alias = Join(path);
        return path.UserAttribute is { } attribute
            ? $"{alias}.{PostgreSqlValues.Quote(attribute)}"
            : $"{alias}.{PostgreSqlValues.Quote(path.TargetField!.ColumnName)}";
    }

    private string Join(FieldPath path)
    {
        if (_joinAliases.TryGetValue(path.Field.ApiName, out var alias))
        {
            return alias;
        }

        alias = "j" + _joinAliases.Count.ToString(CultureInfo.InvariantCulture);
        _joinAliases[path.Field.ApiName] = alias;
        var table = path.UserAttribute is not null ? "org_users" : PostgreSqlRecordTable.TableName(path.TargetModule!);
        _joins.Append(" LEFT JOIN ").Append(table).Append(' ').Append(alias)
            .Append(" ON ").Append(alias).Append(".id = t.").Append(PostgreSqlValues.Quote(path.Field.ColumnName));
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
        var text = PostgreSqlValues.IsText(field);
        if (field.Type == FieldType.Boolean)
        {
            // An unset checkbox reads as false in Bigin.
            column = $"coalesce({column}, false)";
        }

        var empty = text ? $"({column} IS NULL OR {column} = '')" : $"({column} IS NULL)";
        var compared = text ? $"lower({column})" : column;
        string Value(object value) => text ? $"lower({Parameter(field, value)})" : Parameter(field, value);

        var values = condition.Values;
        var positive = condition.Comparator switch
        {
            Comparator.Equal or Comparator.NotEqual or Comparator.In or Comparator.NotIn =>
                values.Count == 0 ? null : values.Count == 1 ? $"{compared} = {Value(values[0])}" : $"{compared} IN ({string.Join(", ", values.Select(Value))})",
            Comparator.LessThan => $"{compared} < {Value(values[0])}",
            Comparator.LessEqual => $"{compared} <= {Value(values[0])}",
            Comparator.GreaterThan => $"{compared} > {Value(values[0])}",
            Comparator.GreaterEqual => $"{compared} >= {Value(values[0])}",
            Comparator.Contains or Comparator.NotContains => $"{column} ILIKE {Parameter("%" + EscapeLike(values[0]) + "%")} ESCAPE '\\'",
            Comparator.StartsWith => $"{column} ILIKE {Parameter(EscapeLike(values[0]) + "%")} ESCAPE '\\'",
            Comparator.EndsWith => $"{column} ILIKE {Parameter("%" + EscapeLike(values[0]))} ESCAPE '\\'",
            Comparator.Between or Comparator.NotBetween => $"{compared} BETWEEN {Value(values[0])} AND {Value(values[1])}",
            _ => throw new ArgumentException($"Unknown comparator {condition.Comparator}.", nameof(condition)),
        };

        var matches = (positive, condition.MatchesEmpty) switch
        {
            (null, true) => empty,
            (not null, true) => $"({positive} OR {empty})",
            (not null, false) => $"({positive})",
            _ => "false",
        };

        var negative = condition.Comparator is Comparator.NotEqual or Comparator.NotIn or Comparator.NotContains or Comparator.NotBetween;
        if (!negative)
        {
            return matches;
        }

        // NOT (a OR empty) alone would drop NULLs through SQL's three-valued logic; say what is meant.
        return condition.MatchesEmpty
            ? $"(NOT {empty} AND NOT coalesce({positive ?? "false"}, false))"
            : $"({empty} OR NOT coalesce({positive}, false))";
    }

    private string Parameter(FieldDefinition field, object value) => Add(PostgreSqlValues.ToDb(field, value));

    private string Parameter(object value) => Add(PostgreSqlValues.ToDb(value));

    private string Add(object value)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new NpgsqlParameter(name, value));
        return "@" + name;
    }

    private static string EscapeLike(object value) =>
        Convert.ToString(value, CultureInfo.InvariantCulture)!
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
