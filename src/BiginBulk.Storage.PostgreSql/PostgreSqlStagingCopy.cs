using BiginBulk.Storage.Relational;
using BiginBulk.Core.Modules;
using Npgsql;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// Writes a chunk's records with PostgreSQL's fast path: binary COPY into a temporary staging table,
/// then one set-based INSERT … SELECT into the record table. The staging table has the record table's columns
/// (LIKE, so a custom field added since is there too) and is dropped at commit. Rows are copied per column
/// set, naming only the columns their INSERT would have named, so every other column is NULL exactly as
/// before; the generated Full_Name is never named, so the record table computes it.
/// </summary>
internal static class PostgreSqlStagingCopy
{
    /// <summary>Inserts <paramref name="rows"/>: COPY into staging, then one INSERT … SELECT per column set.</summary>
    public static void Insert(NpgsqlConnection connection, ModuleDefinition module, IReadOnlyCollection<PostgreSqlStagedRow> rows, HashSet<string> stagingTables) =>
        CopyThrough(connection, module, rows, "staging_rec_", stagingTables, (table, staging, columns) =>
        {
            var list = string.Join(", ", columns.Select(PostgreSqlValues.Quote));
            return $"INSERT INTO {table} ({list}) SELECT {list} FROM {staging}";
        });

    /// <summary>Updates the records of <paramref name="rows"/> (each once): COPY into staging, then one UPDATE … FROM
    /// per column set, so the groups' order does not change the result.</summary>
    public static void Update(NpgsqlConnection connection, ModuleDefinition module, IReadOnlyCollection<PostgreSqlStagedRow> rows, HashSet<string> stagingTables) =>
        CopyThrough(connection, module, rows, "staging_upd_", stagingTables, (table, staging, columns) =>
        {
            var sets = string.Join(", ", columns.Where(c => c != SystemFields.Id).Select(c => $"{PostgreSqlValues.Quote(c)} = s.{PostgreSqlValues.Quote(c)}"));
            return $"UPDATE {table} SET {sets} FROM {staging} s WHERE {table}.id = s.id";
        });

    /// <summary>
    /// Copies <paramref name="rows"/> into the module's staging table (<paramref name="stagingPrefix"/> + module),
    /// one column set at a time, and after each set runs the statement <paramref name="apply"/> builds from the
    /// record table, the staging table and the set's columns, then empties the staging table. Inserts and
    /// updates share this; only the statement that moves the rows differs.
    /// </summary>
    public static void CopyThrough(
        NpgsqlConnection connection,
        ModuleDefinition module,
        IReadOnlyCollection<PostgreSqlStagedRow> rows,
        string stagingPrefix,
        HashSet<string> stagingTables,
        Func<string, string, string[], string> apply)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = RecordTables.TableName(module);
        var staging = "pg_temp." + PostgreSqlValues.Quote(stagingPrefix + module.ApiName);
        if (stagingTables.Add(staging))
        {
            // Created once per chunk (transaction): ON COMMIT DROP, and a rollback undoes the CREATE.
            connection.Execute($"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP");
        }

        foreach (var group in rows.GroupBy(r => r.ColumnKey, StringComparer.Ordinal))
        {
            var first = group.First();
            var columns = first.Columns.Keys.Order(StringComparer.Ordinal).ToArray();
            var types = columns.Select(c => first.Columns[c].Type).ToArray();
            var list = string.Join(", ", columns.Select(PostgreSqlValues.Quote));
            using (var importer = connection.BeginBinaryImport($"COPY {staging} ({list}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in group)
                {
                    importer.StartRow();
                    for (var i = 0; i < columns.Length; i++)
                    {
                        var value = row.Columns[columns[i]].Value;
                        if (value is DBNull)
                        {
                            importer.WriteNull();
                        }
                        else
                        {
                            importer.Write(value, types[i]);
                        }
                    }
                }

                importer.Complete();
            }

            connection.Execute(apply(table, staging, columns) + ";\nTRUNCATE " + staging);
        }
    }
}
