using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>The insert buffer of a record session: pending rows, the overlay over them, and their flush.</summary>
internal sealed partial class PostgreSqlRecordSession
{
    private readonly Dictionary<string, PostgreSqlPendingInserts> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stagingTables = new(StringComparer.Ordinal);

    private readonly Dictionary<string, PostgreSqlPendingUpdates> _updates = new(StringComparer.Ordinal);

    /// <summary>
    /// What lookups found since the last write (by module, field and stored-form value): the processor looks a
    /// row's key and unique values up just before writing it, so neither a second lookup nor the write's own check
    /// need ask the database again. <c>Masked</c>: see <see cref="FindStoredUpdated"/>.
    /// </summary>
    private readonly Dictionary<(string Module, string Field, object Value), (int Count, long? Id, bool Masked)> _known = [];

    private bool? _asciiLowerIsInvariant;

    public void Insert(ModuleDefinition module, long id, IReadOnlyDictionary<FieldDefinition, object?> values, RecordAudit audit)
    {
        var time = PostgreSqlValues.Time(audit.Time);
        var row = new PostgreSqlPendingRow(id);
        row.Set(SystemFields.Id, id, NpgsqlDbType.Bigint);
        row.Set(SystemFields.CreatedBy, audit.UserId, NpgsqlDbType.Bigint);
        row.Set(SystemFields.ModifiedBy, audit.UserId, NpgsqlDbType.Bigint);
        row.Set(SystemFields.CreatedTime, time, NpgsqlDbType.TimestampTz);
        row.Set(SystemFields.ModifiedTime, time, NpgsqlDbType.TimestampTz);
        foreach (var field in values.Keys.Where(f => !f.ReadOnly).OrderBy(f => f.ApiName, StringComparer.Ordinal))
        {
            row.Set(field.ColumnName, PostgreSqlValues.ToDb(field, values[field]), PostgreSqlValues.DbType(field.Type));
        }

        if (!_pending.TryGetValue(module.ApiName, out var pending))
        {
            pending = new PostgreSqlPendingInserts(module);
            _pending[module.ApiName] = pending;
        }

        pending.Module = module;

        // The unique indexes stay the safety net, and a row they refuse is refused at its own insert, as when
        // rows were inserted one by one: such a row is inserted now, after the pending ones, and fails.
        if (pending.ById.ContainsKey(id) || TakesUniqueValue(module, values, self: null))
        {
            Flush();
            InsertNow(module, id, values, audit);
        }
        else
        {
            pending.Add(row);
        }

        _known.Clear();
    }

    public void Update(ModuleDefinition module, long id, IReadOnlyDictionary<FieldDefinition, object?> values, RecordAudit audit)
    {
        var pending = Pending(module);
        if (pending is not null && pending.ById.TryGetValue(id, out var row) && !TakesUniqueValue(module, values, id))
        {
            // Merged into the pending row: the COPY then writes what INSERT followed by UPDATE would have left.
            var fields = values.Keys.Where(f => !f.ReadOnly).ToArray();
            var time = PostgreSqlValues.Time(audit.Time);
            var columns = fields.Select(f => f.ColumnName).Append(SystemFields.ModifiedBy).Append(SystemFields.ModifiedTime).ToArray();
            pending.Change(row, columns, () =>
            {
                row.Set(SystemFields.ModifiedBy, audit.UserId, NpgsqlDbType.Bigint);
                row.Set(SystemFields.ModifiedTime, time, NpgsqlDbType.TimestampTz);
                foreach (var field in fields)
                {
                    row.Set(field.ColumnName, PostgreSqlValues.ToDb(field, values[field]), PostgreSqlValues.DbType(field.Type));
                }
            });
        }
        else if (pending is not null && (pending.ById.ContainsKey(id) || TakesPendingUniqueValue(module, values)))
        {
            // A pending row the unique index must refuse, or a stored row taking a pending row's unique value:
            // pending rows are written first, so the index refuses it here as it did row by row.
            Flush();
            UpdateNow(module, id, values, audit);
        }
        else if (!TryBuffer(module, id, values, audit))
        {
            // The unique index must refuse it, or it must follow buffered updates that free its value: written now,
            // after them, as row by row.
            Flush();
            UpdateNow(module, id, values, audit);
        }

        _known.Clear();
    }

    /// <summary>Buffers an update of a stored row, unless it takes a unique value held by another record (the
    /// index must refuse it at its own row) or freed only by a buffered update (the set-based UPDATE would meet
    /// the old holder), or holds a value whose stored form only the database settles (a decimal with extra digits).</summary>
    private bool TryBuffer(ModuleDefinition module, long id, IReadOnlyDictionary<FieldDefinition, object?> values, RecordAudit audit)
    {
        var fields = values.Keys.Where(f => !f.ReadOnly).OrderBy(f => f.ApiName, StringComparer.Ordinal).ToArray();
        var columns = new List<(string Column, object Value, NpgsqlDbType Type)>(fields.Length + 2);
        foreach (var field in fields)
        {
            var value = PostgreSqlValues.ToDb(field, values[field]);
            var type = PostgreSqlValues.DbType(field.Type);
            if (value is decimal && type == NpgsqlDbType.Bigint)
            {
                return false;
            }

            columns.Add((field.ColumnName, value, type));
        }

        foreach (var field in module.UniqueFields)
        {
            if (field.ReadOnly || !values.TryGetValue(field, out var value) || value is null)
            {
                continue;
            }

            FindByValue(module, field, value);
            var (count, other, masked) = _known[(module.ApiName, field.ApiName, PostgreSqlValues.ToDb(field, value))];
            if (masked || count > 1 || (count == 1 && other != id))
            {
                return false;
            }
        }

        columns.Add((SystemFields.ModifiedBy, audit.UserId, NpgsqlDbType.Bigint));
        columns.Add((SystemFields.ModifiedTime, PostgreSqlValues.Time(audit.Time), NpgsqlDbType.TimestampTz));
        if (!_updates.TryGetValue(module.ApiName, out var updates))
        {
            updates = new PostgreSqlPendingUpdates(module);
            _updates[module.ApiName] = updates;
        }

        updates.Module = module;
        updates.Add(id, columns);
        return true;
    }

    /// <summary>Writes one module's buffered updates, so the database alone answers reads of its records.</summary>
    private void FlushUpdates(ModuleDefinition module)
    {
        if (_updates.TryGetValue(module.ApiName, out var updates))
        {
            updates.Flush(connection, _stagingTables);
        }
    }

    private PostgreSqlPendingUpdates? Updates(ModuleDefinition module) =>
        _updates.TryGetValue(module.ApiName, out var updates) && updates.Count > 0 ? updates : null;

    /// <summary>Writes every buffered update and pending row to its table; the session reads the database alone afterwards.</summary>
    public void Flush()
    {
        // Updates first: they only touch stored rows, and one may free a unique value a pending row takes.
        foreach (var updates in _updates.Values)
        {
            updates.Flush(connection, _stagingTables);
        }

        foreach (var pending in _pending.Values)
        {
            PostgreSqlStagingCopy.Flush(connection, pending, _stagingTables);
        }
    }

    private PostgreSqlPendingInserts? Pending(ModuleDefinition module) =>
        _pending.TryGetValue(module.ApiName, out var pending) && pending.Rows.Count > 0 ? pending : null;

    /// <summary>The pending rows matching a stored-form value; when only the database can compare, they are
    /// flushed first and none are pending any more.</summary>
    private (int Count, long? Id) FindPending(ModuleDefinition module, FieldDefinition field, object dbValue)
    {
        if (Pending(module) is not { } pending || dbValue is DBNull)
        {
            return (0, null);
        }

        var comparable = !PostgreSqlValues.IsText(field) || AsciiLowerIsInvariant();
        if (pending.TryFind(field, dbValue, comparable, out var count, out var id))
        {
            return (count, id);
        }

        Flush();
        return (0, null);
    }

    /// <summary>Whether a unique value of <paramref name="values"/> is held by a record other than <paramref name="self"/>.</summary>
    private bool TakesUniqueValue(ModuleDefinition module, IReadOnlyDictionary<FieldDefinition, object?> values, long? self)
    {
        foreach (var field in module.UniqueFields)
        {
            if (field.ReadOnly || !values.TryGetValue(field, out var value) || value is null)
            {
                continue;
            }

            var (count, id) = FindByValue(module, field, value);
            if (count > 1 || (count == 1 && id != self))
            {
                return true;
            }
        }

        return false;
    }

    private bool TakesPendingUniqueValue(ModuleDefinition module, IReadOnlyDictionary<FieldDefinition, object?> values)
    {
        foreach (var field in module.UniqueFields)
        {
            if (!field.ReadOnly && values.TryGetValue(field, out var value) && value is not null
                && FindPending(module, field, PostgreSqlValues.ToDb(field, value)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the database's lower() turns ASCII into what ToLowerInvariant does (it does under the C, C.UTF-8
    /// and usual libc or ICU locales; a Turkish one lowers 'I' to a dotless 'ı'). Asked once per chunk.
    /// </summary>
    private bool AsciiLowerIsInvariant()
    {
        if (_asciiLowerIsInvariant is null)
        {
            var ascii = new string([.. Enumerable.Range(1, 127).Select(c => (char)c)]);
            using var command = connection.Command(
                "SELECT lower(@v) = @w",
                PostgreSqlCommands.P("v", ascii, NpgsqlDbType.Text),
                PostgreSqlCommands.P("w", ascii.ToLowerInvariant(), NpgsqlDbType.Text));
            _asciiLowerIsInvariant = command.ExecuteScalar() is true;
        }

        return _asciiLowerIsInvariant.Value;
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
