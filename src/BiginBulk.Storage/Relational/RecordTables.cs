using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Relational;

/// <summary>Names of the typed tables that hold one module's records, the same on every database.</summary>
public static class RecordTables
{
    public static string TableName(ModuleDefinition module) => SqlDialect.Quote("rec_" + module.ApiName);

    /// <summary>The module's columns in field order, as <see cref="RelationalOrgStore"/> reads a record.</summary>
    public static string SelectList(ModuleDefinition module) =>
        string.Join(", ", module.Fields.Select(f => SqlDialect.Quote(f.ColumnName)));
}
