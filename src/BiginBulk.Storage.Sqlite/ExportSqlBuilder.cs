using System.Text.Json;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;
using BiginBulk.Storage.Relational;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// The SQLite dialect of <see cref="ExportSqlBuilderBase"/>: a NOCASE collation for case-insensitive text
/// (SQLite folds ASCII only), LIKE (case-insensitive for ASCII in SQLite), booleans as 0/1.
/// </summary>
internal sealed class ExportSqlBuilder(ExportQuery query) : ExportSqlBuilderBase(query)
{
    protected override string True => "1 = 1";

    protected override string False => "0";

    protected override string BooleanFalse => "0";

    protected override string CaseInsensitiveLike => "LIKE";

    // One JSON array, unpacked by json_each; the left side's NOCASE collation and affinity apply to its values.
    protected override string ValueList(IReadOnlyList<object> dbValues, bool text) =>
        $"SELECT value FROM json_each({AddParameter(JsonSerializer.Serialize(dbValues))})";

    protected override object ToDb(FieldDefinition field, object value) => SqliteValues.ToDb(field, value);

    protected override object ToDb(object value) => SqliteValues.ToDb(value);

    protected override bool IsText(FieldDefinition field) => SqliteValues.IsText(field);

    protected override string CaseInsensitive(string column) => $"{column} COLLATE NOCASE";

    protected override string CaseInsensitiveValue(string parameter) => parameter;

    // SQLite can compare any column with '': keep the historical test, which also covers a '' stored in a non-text column.
    protected override string Empty(string column, bool text) => $"({column} IS NULL OR {column} = '')";
}
