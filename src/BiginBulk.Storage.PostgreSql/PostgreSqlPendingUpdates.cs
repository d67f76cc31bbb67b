using BiginBulk.Core.Modules;
using Npgsql;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// The updates of one module's stored records made in this chunk and not yet written: per record, the columns
/// its UPDATEs set (in their stored form), later values winning per column, plus Modified_By/Modified_Time. They
/// are written by binary COPY into a temporary staging table and one set-based <c>UPDATE … FROM</c> per column
/// set (see <see cref="Flush"/>). A column a row does not hold keeps its stored value, so the row's
/// <see cref="PostgreSqlPendingRow.Get"/> means "the new value" only for the columns in <see cref="Touches"/>.
/// </summary>
internal sealed class PostgreSqlPendingUpdates(ModuleDefinition module)
{
    private readonly HashSet<string> _columns = new(StringComparer.Ordinal);

    public ModuleDefinition Module { get; set; } = module;

    /// <summary>The buffered rows (in first-update order) with their by-value indexes; their NULLs are real NULLs
    /// only for the columns they hold, which is all a lookup of a touched column asks them.</summary>
    public PostgreSqlPendingInserts Rows { get; } = new(module);

    public int Count => Rows.Rows.Count;

    /// <summary>Whether some buffered update changes the value of <paramref name="field"/>.</summary>
    public bool Touches(FieldDefinition field) =>
        _columns.Contains(field.ColumnName) || (PostgreSqlPendingRow.IsGenerated(Module, field) && _columns.Any(c => PostgreSqlPendingRow.Affects(Module, c, field)));

    /// <summary>Whether the buffered update of record <paramref name="id"/> changes <paramref name="field"/>.</summary>
    public bool Touches(long id, FieldDefinition field) =>
        Rows.ById.TryGetValue(id, out var row) && row.Columns.Keys.Any(c => PostgreSqlPendingRow.Affects(Module, c, field));

    /// <summary>Buffers one UPDATE of record <paramref name="id"/>, merged into an earlier one of the same record.</summary>
    public void Add(long id, IReadOnlyList<(string Column, object Value, NpgsqlDbType Type)> columns)
    {
        foreach (var column in columns)
        {
            _columns.Add(column.Column);
        }

        Rows.Module = Module;
        if (Rows.ById.TryGetValue(id, out var row))
        {
            Rows.Change(row, [.. columns.Select(c => c.Column)], () =>
            {
                foreach (var (column, value, type) in columns)
                {
                    row.Set(column, value, type);
                }
            });
            return;
        }

        row = new PostgreSqlPendingRow(id);
        row.Set(SystemFields.Id, id, NpgsqlDbType.Bigint);
        foreach (var (column, value, type) in columns)
        {
            row.Set(column, value, type);
        }

        Rows.Add(row);
    }

    public void Clear()
    {
        Rows.Clear();
        _columns.Clear();
    }

    /// <summary>Writes the buffered updates: per column set, COPY into the staging table, then one UPDATE … FROM.
    /// Each record appears once (its updates merged), so the groups' order does not change the result.</summary>
    public void Flush(NpgsqlConnection connection, HashSet<string> stagingTables)
    {
        PostgreSqlStagingCopy.CopyThrough(connection, Module, Rows.Rows, "staging_upd_", stagingTables, (table, staging, columns) =>
        {
            var sets = string.Join(", ", columns.Where(c => c != SystemFields.Id).Select(c => $"{PostgreSqlValues.Quote(c)} = s.{PostgreSqlValues.Quote(c)}"));
            return $"UPDATE {table} SET {sets} FROM {staging} s WHERE {table}.id = s.id";
        });
        Clear();
    }
}
