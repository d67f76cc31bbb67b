using System.Globalization;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;
using BiginBulk.Storage.Relational;
using Npgsql;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL dialect of <see cref="ExportSqlBuilderBase"/>: lower() on both sides replaces SQLite's NOCASE
/// collation and ILIKE its case-insensitive LIKE; "empty" is only <c>''</c>-tested on text columns, because
/// PostgreSQL rejects comparing a bigint, date or boolean with <c>''</c> (SQLite just says false).
/// </summary>
internal sealed class PostgreSqlExportSqlBuilder(ExportQuery query) : ExportSqlBuilderBase(query)
{
    private readonly List<NpgsqlParameter> _parameters = [];

    public IReadOnlyList<NpgsqlParameter> Parameters => _parameters;

    protected override string True => "true";

    protected override string False => "false";

    protected override string BooleanFalse => "false";

    protected override string CaseInsensitiveLike => "ILIKE";

    protected override string TableName(ModuleDefinition module) => PostgreSqlRecordTable.TableName(module);

    protected override string Quote(string identifier) => PostgreSqlValues.Quote(identifier);

    protected override string AddParameter(object dbValue)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new NpgsqlParameter(name, dbValue));
        return "@" + name;
    }

    protected override object ToDb(FieldDefinition field, object value) => PostgreSqlValues.ToDb(field, value);

    protected override object ToDb(object value) => PostgreSqlValues.ToDb(value);

    protected override bool IsText(FieldDefinition field) => PostgreSqlValues.IsText(field);

    protected override string CaseInsensitive(string column) => $"lower({column})";

    protected override string CaseInsensitiveValue(string parameter) => $"lower({parameter})";
}
