using System.Globalization;
using System.Text;
using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Relational;

/// <summary>
/// The typed tables that hold one module's records, the same on every database: one column per field, unique
/// fields enforced by a unique index that compares text case-insensitively (Zoho's <c>casesensitive: "0"</c>;
/// the dialect says how: SQLite's NOCASE columns, PostgreSQL's index on <c>lower(column)</c>).
/// </summary>
public static class RecordTables
{
    public static string TableName(ModuleDefinition module) => SqlDialect.Quote("rec_" + module.ApiName);

    /// <summary>The module's columns in field order, as <see cref="RelationalOrgStore"/> reads a record.</summary>
    public static string SelectList(ModuleDefinition module) =>
        string.Join(", ", module.Fields.Select(f => SqlDialect.Quote(f.ColumnName)));

    /// <summary>The record table of every standard module, with its indexes (schema generator <c>record-tables</c>).</summary>
    public static string CreateAll(SqlDialect dialect)
    {
        var sql = new StringBuilder();
        foreach (var module in StandardModules.All)
        {
            sql.Append(CreateTableSql(module, dialect));
        }

        return sql.ToString();
    }

    /// <summary>Every module's Bigin "All …" view, whose id is derived from the module's so it is stable (schema
    /// generator <c>all-views</c>). The values are our own constants, written as literals because a step is plain SQL.</summary>
    public static string CreateAllViews()
    {
        var sql = new StringBuilder();
        foreach (var module in StandardModules.All)
        {
            sql.Append("INSERT INTO custom_views (id, module, name, system_name, criteria, system_defined, created_time) VALUES (")
                .Append((module.Id + 85_000).ToString(CultureInfo.InvariantCulture)).Append(", ")
                .Append(Literal(module.ApiName)).Append(", ").Append(Literal($"All {module.PluralLabel}"))
                .Append(", 'ALLVIEWS', NULL, TRUE, '1970-01-01T00:00:00Z');\n");
        }

        return sql.ToString();
    }

    public static string CreateTableSql(ModuleDefinition module, SqlDialect dialect)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(TableName(module)).Append(" (id ").Append(dialect.ColumnType(FieldType.BigInt)).Append(" PRIMARY KEY");
        foreach (var field in module.Fields)
        {
            if (field.ApiName == SystemFields.Id)
            {
                continue;
            }

            sql.Append(", ");
            if (module.ApiName == "Contacts" && field.ApiName == "Full_Name")
            {
                // Full_Name is computed, as in Bigin, so it can never disagree with its parts.
                sql.Append(SqlDialect.Quote(field.ColumnName)).Append(' ').Append(dialect.GeneratedColumn(
                    dialect.ColumnType(field.Type), "trim(coalesce(\"First_Name\", '') || ' ' || coalesce(\"Last_Name\", ''))"));
                continue;
            }

            sql.Append(ColumnDefinition(field, dialect));
        }

        sql.Append(");\n");
        foreach (var field in module.UniqueFields.Where(f => f.ApiName != SystemFields.Id))
        {
            sql.Append(CreateIndexSql(module, field, unique: true, dialect)).Append(";\n");
        }

        foreach (var field in module.Fields.Where(f => f.ApiName == module.DisplayField || f.Type == FieldType.Lookup))
        {
            sql.Append(CreateIndexSql(module, field, unique: false, dialect)).Append(";\n");
        }

        return sql.ToString();
    }

    /// <summary>A field's column: its name, type and (for text) the dialect's case-insensitive collation.</summary>
    public static string ColumnDefinition(FieldDefinition field, SqlDialect dialect) =>
        $"{SqlDialect.Quote(field.ColumnName)} {dialect.ColumnType(field.Type)}{(dialect.IsText(field) ? dialect.TextCollation : string.Empty)}";

    public static string CreateIndexSql(ModuleDefinition module, FieldDefinition field, bool unique, SqlDialect dialect) =>
        $"CREATE {(unique ? "UNIQUE " : string.Empty)}INDEX IF NOT EXISTS {IndexName(module.ApiName, field.ApiName, unique)} ON {TableName(module)} ({dialect.Indexed(field)})";

    public static string IndexName(string module, string field, bool unique) => SqlDialect.Quote($"{(unique ? "ux" : "ix")}_{module}_{field}");

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
