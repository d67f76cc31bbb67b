using BiginBulk.Core.Modules;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// A record inserted in this chunk but not yet copied to its table: the columns its INSERT would have set, in
/// their stored form (see <see cref="PostgreSqlValues.ToDb(FieldDefinition, object?)"/>) with their column types.
/// A column it does not hold is NULL, as for an INSERT that does not name it.
/// </summary>
internal sealed class PostgreSqlPendingRow(long id)
{
    private const string FirstName = "First_Name";
    private const string LastName = "Last_Name";

    public long Id { get; } = id;

    /// <summary>Column name to stored value (DBNull for NULL) and type, in the order the columns were first set.</summary>
    public Dictionary<string, (object Value, NpgsqlDbType Type)> Columns { get; } = new(StringComparer.Ordinal);

    /// <summary>The column set as one string: rows with the same one are copied together.</summary>
    public string ColumnKey => string.Join(',', Columns.Keys.Order(StringComparer.Ordinal));

    public void Set(string column, object value, NpgsqlDbType type) => Columns[column] = (value, type);

    /// <summary>The stored value of <paramref name="field"/>, or DBNull: what a SELECT of the column would read.</summary>
    public object Get(ModuleDefinition module, FieldDefinition field)
    {
        if (IsGenerated(module, field))
        {
            // The generated column's expression (PostgreSqlRecordTable.CreateTableSql):
            // btrim(coalesce("First_Name", '') || ' ' || coalesce("Last_Name", ''), ' ').
            return (Text(FirstName) + " " + Text(LastName)).Trim(' ');
        }

        return Columns.TryGetValue(field.ColumnName, out var column) ? column.Value : DBNull.Value;
    }

    /// <summary>Whether <paramref name="field"/> is a generated column: never written, computed from others.</summary>
    public static bool IsGenerated(ModuleDefinition module, FieldDefinition field) =>
        module.ApiName == "Contacts" && field.ApiName == "Full_Name";

    /// <summary>Whether setting <paramref name="column"/> changes the value of <paramref name="field"/>.</summary>
    public static bool Affects(ModuleDefinition module, string column, FieldDefinition field) =>
        field.ColumnName == column || (IsGenerated(module, field) && column is FirstName or LastName);

    private string Text(string column) =>
        Columns.TryGetValue(column, out var value) && value.Value is string text ? text : string.Empty;
}
