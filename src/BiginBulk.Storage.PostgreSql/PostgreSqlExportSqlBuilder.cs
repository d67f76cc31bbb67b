using System.Globalization;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;
using BiginBulk.Storage.Relational;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL dialect of <see cref="ExportSqlBuilderBase"/>: lower() on both sides replaces SQLite's NOCASE
/// collation and ILIKE its case-insensitive LIKE; "empty" is only <c>''</c>-tested on text columns, because
/// PostgreSQL rejects comparing a bigint, date or boolean with <c>''</c> (SQLite just says false).
/// </summary>
internal sealed class PostgreSqlExportSqlBuilder(ExportQuery query) : ExportSqlBuilderBase(query)
{
    protected override string True => "true";

    protected override string False => "false";

    protected override string BooleanFalse => "false";

    protected override string CaseInsensitiveLike => "ILIKE";

    // One typed array, unnested: the column's comparison (lower() for text) applies to each element.
    protected override string ValueList(IReadOnlyList<object> dbValues, bool text) =>
        $"SELECT {(text ? CaseInsensitiveValue("u.v") : "u.v")} FROM unnest({AddParameter(TypedArray(dbValues))}) AS u(v)";

    /// <summary>An array of the values' own CLR type, so Npgsql sends it as that PostgreSQL array type;
    /// numbers of mixed kinds (a scaled decimal is a long or, with extra decimals, a decimal) become numeric[].</summary>
    private static Array TypedArray(IReadOnlyList<object> values)
    {
        var type = values[0].GetType();
        if (values.Any(v => v.GetType() != type))
        {
            return values.All(v => v is long or decimal or double)
                ? values.Select(v => Convert.ToDecimal(v, CultureInfo.InvariantCulture)).ToArray()
                : throw new ArgumentException("An in list mixes values of different types.", nameof(values));
        }

        var array = Array.CreateInstance(type, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            array.SetValue(values[i], i);
        }

        return array;
    }

    protected override object ToDb(FieldDefinition field, object value) => PostgreSqlValues.ToDb(field, value);

    protected override object ToDb(object value) => PostgreSqlValues.ToDb(value);

    protected override bool IsText(FieldDefinition field) => PostgreSqlValues.IsText(field);

    protected override string CaseInsensitive(string column) => $"lower({column})";

    protected override string CaseInsensitiveValue(string parameter) => $"lower({parameter})";
}
