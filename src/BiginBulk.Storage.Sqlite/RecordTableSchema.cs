using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// The typed table that holds one module's records: one column per field, unique fields enforced by
/// a unique index (text compared case-insensitively, as Zoho's <c>casesensitive: "0"</c> says).
/// </summary>
internal static class RecordTableSchema
{
    public static string TableName(ModuleDefinition module) => SqliteValues.Quote("rec_" + module.ApiName);

    /// <summary>Text columns compare case-insensitively, like Bigin's searches and unique checks.</summary>
    public static bool IsText(FieldDefinition field) => SqliteValues.ColumnType(field.Type) == "TEXT"
        && field.Type is not (FieldType.Date or FieldType.DateTime);
}
