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

    public static string CreateIndexSql(ModuleDefinition module, FieldDefinition field, bool unique) =>
        $"CREATE {(unique ? "UNIQUE " : string.Empty)}INDEX IF NOT EXISTS {IndexName(module.ApiName, field.ApiName, unique)} ON {TableName(module)} ({Indexed(field)})";

    public static string IndexName(string module, string field, bool unique) =>
        PostgreSqlValues.Quote($"{(unique ? "ux" : "ix")}_{module}_{field}");

    /// <summary>The expression a lookup by this field compares: <c>lower(col)</c> for text.</summary>
    public static string Indexed(FieldDefinition field) => PostgreSqlValues.IsText(field)
        ? $"lower({PostgreSqlValues.Quote(field.ColumnName)})"
        : PostgreSqlValues.Quote(field.ColumnName);
}
