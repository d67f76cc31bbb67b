using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// The rows of one module inserted in this chunk and not yet copied, with an index per looked-up column so a
/// later row's lookup by value stays O(1). The index keys are the values as the database compares them:
/// numbers by numeric value (a bigint equals a numeric of the same value), text through lower(). Text is
/// only compared here when both sides are ASCII and the database lowers ASCII as ToLowerInvariant does:
/// lower() beyond ASCII follows the database's ctype (libc or ICU), which .NET cannot reproduce exactly, so
/// such a lookup is left to the database, after a flush.
/// </summary>
internal sealed class PostgreSqlPendingInserts(ModuleDefinition module)
{
    private readonly Dictionary<string, ColumnIndex> _indexes = new(StringComparer.Ordinal);

    public ModuleDefinition Module { get; set; } = module;

    /// <summary>In insertion order.</summary>
    public List<PostgreSqlPendingRow> Rows { get; } = [];

    public Dictionary<long, PostgreSqlPendingRow> ById { get; } = [];

    public void Add(PostgreSqlPendingRow row)
    {
        Rows.Add(row);
        ById.Add(row.Id, row);
        foreach (var index in _indexes.Values)
        {
            index.Add(row);
        }
    }

    /// <summary>Applies <paramref name="change"/> to a pending row, keeping the indexes of changed columns right.</summary>
    public void Change(PostgreSqlPendingRow row, IReadOnlyCollection<string> columns, Action change)
    {
        var affected = _indexes.Values.Where(i => columns.Any(c => PostgreSqlPendingRow.Affects(Module, c, i.Field))).ToList();
        foreach (var index in affected)
        {
            index.Remove(row);
        }

        change();
        foreach (var index in affected)
        {
            index.Add(row);
        }
    }

    /// <summary>
    /// The pending rows whose <paramref name="field"/> equals <paramref name="dbValue"/> (a stored form): how many
    /// (capped at 2) and the smallest id. False when the answer needs the database's own comparison.
    /// </summary>
    public bool TryFind(FieldDefinition field, object dbValue, bool asciiLowerIsInvariant, out int count, out long? id)
    {
        count = 0;
        id = null;
        if (Rows.Count == 0)
        {
            return true;
        }

        var text = PostgreSqlValues.IsText(field);
        if ((text && !asciiLowerIsInvariant) || !TryKey(text, dbValue, out var key))
        {
            return false;
        }

        if (!_indexes.TryGetValue(field.ApiName, out var index))
        {
            index = new ColumnIndex(Module, field, text);
            foreach (var row in Rows)
            {
                index.Add(row);
            }

            _indexes[field.ApiName] = index;
        }

        if (index.Opaque > 0)
        {
            return false;
        }

        if (index.Keys.TryGetValue(key, out var ids))
        {
            count = Math.Min(ids.Count, 2);
            id = ids.Min();
        }

        return true;
    }

    public void Clear()
    {
        Rows.Clear();
        ById.Clear();
        _indexes.Clear();
    }

    /// <summary>The key a stored value compares by, or false when only the database can compare it.</summary>
    private static bool TryKey(bool text, object dbValue, out object key)
    {
        key = dbValue;
        switch (dbValue)
        {
            case string s when text:
                foreach (var c in s)
                {
                    if (c > '\u007f')
                    {
                        return false;
                    }
                }

                key = s.ToLowerInvariant();
                return true;
            case long l:
                key = (decimal)l;
                return true;
            case int i:
                key = (decimal)i;
                return true;
            case decimal or bool or DateOnly or DateTime or string:
                return true;
            default:
                return false;
        }
    }

    /// <summary>One column's pending values; <see cref="Opaque"/> counts rows only the database can compare.</summary>
    private sealed class ColumnIndex(ModuleDefinition module, FieldDefinition field, bool text)
    {
        public FieldDefinition Field { get; } = field;

        public Dictionary<object, List<long>> Keys { get; } = [];

        public int Opaque { get; private set; }

        public void Add(PostgreSqlPendingRow row)
        {
            var value = row.Get(module, Field);
            if (value is DBNull)
            {
                return; // NULL equals nothing.
            }

            if (!TryKey(text, value, out var key))
            {
                Opaque++;
                return;
            }

            if (!Keys.TryGetValue(key, out var ids))
            {
                ids = [];
                Keys[key] = ids;
            }

            ids.Add(row.Id);
        }

        public void Remove(PostgreSqlPendingRow row)
        {
            var value = row.Get(module, Field);
            if (value is DBNull)
            {
                return;
            }

            if (!TryKey(text, value, out var key))
            {
                Opaque--;
                return;
            }

            if (Keys.TryGetValue(key, out var ids))
            {
                ids.Remove(row.Id);
                if (ids.Count == 0)
                {
                    Keys.Remove(key);
                }
            }
        }
    }
}
