using BiginBulk.Storage.Relational;
using System.Text;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using Npgsql;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// Record reads and writes inside one chunk transaction. A bulk chunk is resolved and applied set-based (see
/// <see cref="PostgreSqlRecordSession.Resolve"/> and <see cref="PostgreSqlRecordSession.Apply"/>); the row-level
/// methods of <see cref="IRecordSession"/> run one statement each, prepared once per shape (module + set of
/// fields) with typed parameters.
/// </summary>
internal sealed partial class PostgreSqlRecordSession(NpgsqlConnection connection) : IRecordSession, IDisposable
{
    private readonly Dictionary<string, NpgsqlCommand> _commands = new(StringComparer.Ordinal);

    public long? FindIdByValue(ModuleDefinition module, FieldDefinition field, object value) =>
        FindByValue(module, field, value).Id;

    public (int Count, long? Id) FindByValue(ModuleDefinition module, FieldDefinition field, object value)
    {
        var ids = FindStoredIds(module, field, value);
        return (ids.Count, ids.Count > 0 ? ids[0] : null);
    }

    /// <summary>The ids of the (at most two) oldest stored records matching, as the database holds them now.</summary>
    private List<long> FindStoredIds(ModuleDefinition module, FieldDefinition field, object value)
    {
        // Text compares through lower() on both sides, matching the lower() unique index (SQLite: NOCASE column).
        var text = PostgreSqlValues.IsText(field);
        var command = Prepared($"F|{module.ApiName}|{field.ApiName}", () =>
            $"SELECT id FROM {RecordTables.TableName(module)} WHERE {PostgreSqlValues.Indexed(field)} = {(text ? "lower(@v0)" : "@v0")} ORDER BY id LIMIT 2",
            [ParameterType(field, value)]);
        command.Parameters[0].Value = PostgreSqlValues.ToDb(field, value);
        using var reader = command.ExecuteReader();
        var ids = new List<long>(2);
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public bool Exists(ModuleDefinition module, long id)
    {
        var command = Prepared($"E|{module.ApiName}", () =>
            $"SELECT 1 FROM {RecordTables.TableName(module)} WHERE id = @v0", [NpgsqlDbType.Bigint]);
        command.Parameters[0].Value = id;
        return command.ExecuteScalar() is not null;
    }

    public void Insert(ModuleDefinition module, long id, IReadOnlyDictionary<FieldDefinition, object?> values, RecordAudit audit)
    {
        var fields = values.Keys.Where(f => !f.ReadOnly).OrderBy(f => f.ApiName, StringComparer.Ordinal).ToArray();
        var key = $"I|{module.ApiName}|{string.Join(',', fields.Select(f => f.ApiName))}";
        var command = Prepared(key, () =>
        {
            var columns = new StringBuilder("id, \"Created_By\", \"Modified_By\", \"Created_Time\", \"Modified_Time\"");
            var parameters = new StringBuilder("@v0, @v1, @v2, @v3, @v4");
            for (var i = 0; i < fields.Length; i++)
            {
                columns.Append(", ").Append(PostgreSqlValues.Quote(fields[i].ColumnName));
                parameters.Append(", @v").Append(i + 5);
            }

            return $"INSERT INTO {RecordTables.TableName(module)} ({columns}) VALUES ({parameters})";
        }, [NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, .. fields.Select(f => PostgreSqlValues.DbType(f.Type))]);

        var p = command.Parameters;
        var time = PostgreSqlValues.Time(audit.Time);
        p[0].Value = id;
        p[1].Value = audit.UserId;
        p[2].Value = audit.UserId;
        p[3].Value = time;
        p[4].Value = time;
        for (var i = 0; i < fields.Length; i++)
        {
            p[i + 5].Value = PostgreSqlValues.ToDb(fields[i], values[fields[i]]);
        }

        command.ExecuteNonQuery();
    }

    public void Update(ModuleDefinition module, long id, IReadOnlyDictionary<FieldDefinition, object?> values, RecordAudit audit)
    {
        var fields = values.Keys.Where(f => !f.ReadOnly).OrderBy(f => f.ApiName, StringComparer.Ordinal).ToArray();
        var key = $"U|{module.ApiName}|{string.Join(',', fields.Select(f => f.ApiName))}";
        var command = Prepared(key, () =>
        {
            var sets = new StringBuilder("\"Modified_By\" = @v1, \"Modified_Time\" = @v2");
            for (var i = 0; i < fields.Length; i++)
            {
                sets.Append(", ").Append(PostgreSqlValues.Quote(fields[i].ColumnName)).Append(" = @v").Append(i + 3);
            }

            return $"UPDATE {RecordTables.TableName(module)} SET {sets} WHERE id = @v0";
        }, [NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.TimestampTz, .. fields.Select(f => PostgreSqlValues.DbType(f.Type))]);

        var p = command.Parameters;
        p[0].Value = id;
        p[1].Value = audit.UserId;
        p[2].Value = PostgreSqlValues.Time(audit.Time);
        for (var i = 0; i < fields.Length; i++)
        {
            p[i + 3].Value = PostgreSqlValues.ToDb(fields[i], values[fields[i]]);
        }

        command.ExecuteNonQuery();
    }

    public object? GetValue(ModuleDefinition module, long id, FieldDefinition field)
    {
        var command = Prepared($"G|{module.ApiName}|{field.ApiName}", () =>
            $"SELECT {PostgreSqlValues.Quote(field.ColumnName)} FROM {RecordTables.TableName(module)} WHERE id = @v0", [NpgsqlDbType.Bigint]);
        command.Parameters[0].Value = id;
        var value = command.ExecuteScalar();
        return value is null ? null : PostgreSqlValues.FromDb(field, value);
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }

    /// <summary>A lookup value's parameter type: a scaled decimal with extra digits is numeric, not bigint.</summary>
    private static NpgsqlDbType ParameterType(FieldDefinition field, object value) =>
        PostgreSqlValues.ToDb(field, value) is decimal ? NpgsqlDbType.Numeric : PostgreSqlValues.DbType(field.Type);

    private NpgsqlCommand Prepared(string key, Func<string> sql, NpgsqlDbType[] types)
    {
        var typedKey = key + "|" + string.Join(',', types);
        if (_commands.TryGetValue(typedKey, out var existing))
        {
            return existing;
        }

        var command = connection.CreateCommand();
        command.CommandText = sql();
        for (var i = 0; i < types.Length; i++)
        {
            command.Parameters.Add(new NpgsqlParameter($"v{i}", types[i]));
        }

        command.Prepare();
        _commands[typedKey] = command;
        return command;
    }
}
