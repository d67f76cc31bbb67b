using System.Text;
using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// The typed table that holds one module's records, in the org's schema: one column per field, unique fields
/// enforced by a unique index. PostgreSQL has no NOCASE collation, so text uniqueness (Zoho's
/// <c>casesensitive: "0"</c>) is a unique index on <c>lower(column)</c>, and every text lookup compares
/// <c>lower()</c> to <c>lower()</c> so it can use that index.
/// </summary>
internal static class PostgreSqlRecordTable
{
    public static string TableName(ModuleDefinition module) => PostgreSqlValues.Quote("rec_" + module.ApiName);

    public static string CreateTableSql(ModuleDefinition module)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(TableName(module)).Append(" (id bigint PRIMARY KEY");
        foreach (var field in module.Fields)
        {
            if (field.ApiName == SystemFields.Id)
            {
                continue;
            }

            sql.Append(", ").Append(PostgreSqlValues.Quote(field.ColumnName)).Append(' ');
            if (module.ApiName == "Contacts" && field.ApiName == "Full_Name")
            {
                // Computed, as in Bigin and as on SQLite; PostgreSQL only has STORED generated columns.
                sql.Append("text GENERATED ALWAYS AS (btrim(coalesce(\"First_Name\", '') || ' ' || coalesce(\"Last_Name\", ''), ' ')) STORED");
                continue;
            }

            sql.Append(PostgreSqlValues.ColumnType(field.Type));
        }

        sql.Append(");\n");
        foreach (var field in module.UniqueFields.Where(f => f.ApiName != SystemFields.Id))
        {
            sql.Append(CreateIndexSql(module, field, unique: true)).Append(";\n");
        }

        foreach (var field in module.Fields.Where(f => f.ApiName == module.DisplayField || f.Type == FieldType.Lookup))
        {
            sql.Append(CreateIndexSql(module, field, unique: false)).Append(";\n");
        }

        return sql.ToString();
    }

    public static string CreateIndexSql(ModuleDefinition module, FieldDefinition field, bool unique) =>
        $"CREATE {(unique ? "UNIQUE " : string.Empty)}INDEX IF NOT EXISTS {IndexName(module.ApiName, field.ApiName, unique)} ON {TableName(module)} ({Indexed(field)})";

    public static string IndexName(string module, string field, bool unique) =>
        PostgreSqlValues.Quote($"{(unique ? "ux" : "ix")}_{module}_{field}");

    /// <summary>The expression a lookup by this field compares: <c>lower(col)</c> for text.</summary>
    public static string Indexed(FieldDefinition field) => PostgreSqlValues.IsText(field)
        ? $"lower({PostgreSqlValues.Quote(field.ColumnName)})"
        : PostgreSqlValues.Quote(field.ColumnName);
}
