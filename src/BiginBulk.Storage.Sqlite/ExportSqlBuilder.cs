using System.Globalization;
using System.Text;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// Compiles a bulk read (columns, dot fields, criteria tree) into one SELECT. Identifiers come only from our
/// schema; every value the client sent is a bound parameter. Dot fields become LEFT JOINs on the looked-up
/// module's table (or the org's user mirror), one per lookup field used.
/// Negative comparators (not_equal, not_in, not_contains, not_between) also match records whose field is
/// empty, as "is not X" reads in Bigin's own filters.
/// </summary>
internal sealed class ExportSqlBuilder
{
    private readonly ExportQuery _query;
    private readonly Dictionary<string, string> _joinAliases = new(StringComparer.Ordinal);
    private readonly StringBuilder _joins = new();
    private readonly List<(string Name, object Value)> _parameters = [];

    public ExportSqlBuilder(ExportQuery query) => _query = query;

    public IReadOnlyList<(string Name, object Value)> Parameters => _parameters;

    /// <summary>The page's rows: the query's columns, then the record id.</summary>
    public string BuildSelect()
    {
        var columns = string.Join(", ", _query.Columns.Select(Column).Append("t.id"));
        var where = _query.Criteria is null ? "1 = 1" : Compile(_query.Criteria);
        var limit = Parameter(_query.Limit);
        var offset = Parameter(_query.Offset);
        return $"SELECT {columns} FROM {RecordTableSchema.TableName(_query.Module)} t{_joins} WHERE {where} ORDER BY t.id LIMIT {limit} OFFSET {offset}";
    }

    /// <summary>One row when any matching record lies past the page.</summary>
    public string BuildBeyond()
    {
        var where = _query.Criteria is null ? "1 = 1" : Compile(_query.Criteria);
        var offset = Parameter(_query.Offset + _query.Limit);
        return $"SELECT 1 FROM {RecordTableSchema.TableName(_query.Module)} t{_joins} WHERE {where} ORDER BY t.id LIMIT 1 OFFSET {offset}";
    }

    private string Column(FieldPath path)
    {
        if (!path.IsDotField)
        {
            return "t." + SqliteValues.Quote(path.Field.ColumnName);
        }

        var alias = Join(path);
        return path.UserAttribute is { } attribute
            ? $"{alias}.{SqliteValues.Quote(attribute)}"
            : $"{alias}.{SqliteValues.Quote(path.TargetField!.ColumnName)}";
    }

    private string Join(FieldPath path)
    {
        if (_joinAliases.TryGetValue(path.Field.ApiName, out var alias))
        {
            return alias;
        }

        alias = "j" + _joinAliases.Count.ToString(CultureInfo.InvariantCulture);
        _joinAliases[path.Field.ApiName] = alias;
        var table = path.UserAttribute is not null ? "org_users" : RecordTableSchema.TableName(path.TargetModule!);
        _joins.Append(" LEFT JOIN ").Append(table).Append(' ').Append(alias)
            .Append(" ON ").Append(alias).Append(".id = t.").Append(SqliteValues.Quote(path.Field.ColumnName));
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
        var type = condition.Field.Type;
        if (type == FieldType.Boolean)
        {
            // An unset checkbox reads as false in Bigin.
            column = $"coalesce({column}, 0)";
        }

        var empty = $"({column} IS NULL OR {column} = '')";

        // Text compares case-insensitively, as Bigin's filters do. Most text columns are declared NOCASE, but
        // not all (Contacts.Full_Name is a generated column, a joined user column is another table's), so the
        // collation is stated here rather than trusted to the schema.
        var compared = RecordTableSchema.IsText(condition.Field.ValueField) ? $"{column} COLLATE NOCASE" : column;
        var values = condition.Values;
        var field = condition.Field.ValueField;
        var positive = condition.Comparator switch
        {
            Comparator.Equal or Comparator.NotEqual or Comparator.In or Comparator.NotIn =>
                values.Count == 0 ? null : values.Count == 1 ? $"{compared} = {Parameter(field, values[0])}" : $"{compared} IN ({string.Join(", ", values.Select(v => Parameter(field, v)))})",
            Comparator.LessThan => $"{compared} < {Parameter(field, values[0])}",
            Comparator.LessEqual => $"{compared} <= {Parameter(field, values[0])}",
            Comparator.GreaterThan => $"{compared} > {Parameter(field, values[0])}",
            Comparator.GreaterEqual => $"{compared} >= {Parameter(field, values[0])}",
            Comparator.Contains or Comparator.NotContains => $"{column} LIKE {Parameter("%" + EscapeLike(values[0]) + "%")} ESCAPE '\\'",
            Comparator.StartsWith => $"{column} LIKE {Parameter(EscapeLike(values[0]) + "%")} ESCAPE '\\'",
            Comparator.EndsWith => $"{column} LIKE {Parameter("%" + EscapeLike(values[0]))} ESCAPE '\\'",
            Comparator.Between or Comparator.NotBetween => $"{compared} BETWEEN {Parameter(field, values[0])} AND {Parameter(field, values[1])}",
            _ => throw new ArgumentException($"Unknown comparator {condition.Comparator}.", nameof(condition)),
        };

        var matches = (positive, condition.MatchesEmpty) switch
        {
            (null, true) => empty,
            (not null, true) => $"({positive} OR {empty})",
            (not null, false) => $"({positive})",
            _ => "1 = 0",
        };

        var negative = condition.Comparator is Comparator.NotEqual or Comparator.NotIn or Comparator.NotContains or Comparator.NotBetween;
        if (!negative)
        {
            return matches;
        }

        // NOT (a OR empty) alone would drop NULLs through SQL's three-valued logic; say what is meant.
        return condition.MatchesEmpty
            ? $"(NOT {empty} AND NOT coalesce({(positive ?? "1 = 0")}, 0))"
            : $"({empty} OR NOT coalesce({positive}, 0))";
    }

    private string Parameter(FieldDefinition field, object value)
    {
        var name = "$p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, SqliteValues.ToDb(field, value)));
        return name;
    }

    private string Parameter(object value)
    {
        var name = "$p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, SqliteValues.ToDb(value)));
        return name;
    }

    private static string EscapeLike(object value) =>
        Convert.ToString(value, CultureInfo.InvariantCulture)!
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
