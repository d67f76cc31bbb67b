using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// One record of a chunk on its way through the staging table: the columns its INSERT or UPDATE sets, in
/// their stored form (see <see cref="PostgreSqlValues.ToDb(BiginBulk.Core.Modules.FieldDefinition, object?)"/>)
/// with their column types. A column it does not hold is not named, so an insert leaves it NULL and an
/// update leaves it as it was.
/// </summary>
internal sealed class PostgreSqlStagedRow
{
    /// <summary>Column name to stored value (DBNull for NULL) and type.</summary>
    public Dictionary<string, (object Value, NpgsqlDbType Type)> Columns { get; } = new(StringComparer.Ordinal);

    /// <summary>The column set as one string: rows with the same one are copied together.</summary>
    public string ColumnKey => string.Join(',', Columns.Keys.Order(StringComparer.Ordinal));

    public void Set(string column, object value, NpgsqlDbType type)
    {
        // A decimal with more digits than the field keeps is rounded as PostgreSQL's numeric-to-bigint cast
        // would (half away from zero): COPY cannot cast it.
        if (value is decimal number && type == NpgsqlDbType.Bigint)
        {
            value = (long)Math.Round(number, MidpointRounding.AwayFromZero);
        }

        Columns[column] = (value, type);
    }
}
