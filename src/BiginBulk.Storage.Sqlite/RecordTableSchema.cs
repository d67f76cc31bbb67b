using System.Text;
using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// The typed table that holds one module's records: one column per field, unique fields enforced by
/// a unique index (text compared case-insensitively, as Zoho's <c>casesensitive: "0"</c> says).
/// </summary>
internal static class RecordTableSchema
{
    public static string TableName(ModuleDefinition module) => SqliteValues.Quote("rec_" + module.ApiName);

    public static string CreateTableSql(ModuleDefinition module)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(TableName(module)).Append(" (id INTEGER PRIMARY KEY");
        foreach (var field in module.Fields)
        {
            if (field.ApiName == SystemFields.Id)
            {
                continue;
            }

            sql.Append(", ").Append(SqliteValues.Quote(field.ColumnName)).Append(' ');
            if (module.ApiName == "Contacts" && field.ApiName == "Full_Name")
            {
                // Full_Name is computed, as in Bigin, so it can never disagree with its parts.
                sql.Append("TEXT GENERATED ALWAYS AS (trim(coalesce(\"First_Name\", '') || ' ' || coalesce(\"Last_Name\", ''))) VIRTUAL");
                continue;
            }

            sql.Append(SqliteValues.ColumnType(field.Type));
            if (IsText(field))
            {
                sql.Append(" COLLATE NOCASE");
            }
        }

        sql.Append(");\n");
        foreach (var field in module.UniqueFields.Where(f => f.ApiName != SystemFields.Id))
        {
            sql.Append("CREATE UNIQUE INDEX IF NOT EXISTS ")
                .Append(SqliteValues.Quote($"ux_{module.ApiName}_{field.ApiName}"))
                .Append(" ON ").Append(TableName(module)).Append(" (").Append(SqliteValues.Quote(field.ColumnName)).Append(");\n");
        }

        foreach (var field in module.Fields.Where(f => f.ApiName == module.DisplayField || f.Type == FieldType.Lookup))
        {
            sql.Append("CREATE INDEX IF NOT EXISTS ")
                .Append(SqliteValues.Quote($"ix_{module.ApiName}_{field.ApiName}"))
                .Append(" ON ").Append(TableName(module)).Append(" (").Append(SqliteValues.Quote(field.ColumnName)).Append(");\n");
        }

        return sql.ToString();
    }

    /// <summary>Text columns compare case-insensitively, like Bigin's searches and unique checks.</summary>
    public static bool IsText(FieldDefinition field) => SqliteValues.ColumnType(field.Type) == "TEXT"
        && field.Type is not (FieldType.Date or FieldType.DateTime);
}
