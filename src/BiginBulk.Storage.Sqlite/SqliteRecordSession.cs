using BiginBulk.Storage.Relational;
using System.Text;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

/// <summary>
/// Record reads and writes inside one chunk transaction. Statements are prepared once per shape
/// (module + set of fields) and reused for every row, which is what makes a 25,000-row chunk cheap.
/// </summary>
internal sealed partial class SqliteRecordSession(SqliteConnection connection, SqliteTransaction transaction) : IRecordSession, IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public long? FindIdByValue(ModuleDefinition module, FieldDefinition field, object value) =>
        FindByValue(module, field, value).Id;

    public (int Count, long? Id) FindByValue(ModuleDefinition module, FieldDefinition field, object value)
    {
        var command = Prepared($"F|{module.ApiName}|{field.ApiName}", () =>
            $"SELECT id FROM {RecordTables.TableName(module)} WHERE {SqliteValues.Quote(field.ColumnName)}{(SqliteValues.IsText(field) ? " COLLATE NOCASE" : "")} = $v0 ORDER BY id LIMIT 2", 1);
        command.Parameters[0].Value = SqliteValues.ToDb(field, value);
        using var reader = command.ExecuteReader();
        long? first = null;
        var count = 0;
        while (reader.Read())
        {
            first ??= reader.GetInt64(0);
            count++;
        }

        return (count, first);
    }

    public bool Exists(ModuleDefinition module, long id)
    {
        var command = Prepared($"E|{module.ApiName}", () =>
            $"SELECT 1 FROM {RecordTables.TableName(module)} WHERE id = $v0", 1);
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
            var parameters = new StringBuilder("$v0, $v1, $v2, $v3, $v4");
            for (var i = 0; i < fields.Length; i++)
            {
                columns.Append(", ").Append(SqliteValues.Quote(fields[i].ColumnName));
                parameters.Append(", $v").Append(i + 5);
            }

            return $"INSERT INTO {RecordTables.TableName(module)} ({columns}) VALUES ({parameters})";
        }, fields.Length + 5);

        var p = command.Parameters;
        var time = SqliteValues.FormatTime(audit.Time);
        p[0].Value = id;
        p[1].Value = audit.UserId;
        p[2].Value = audit.UserId;
        p[3].Value = time;
        p[4].Value = time;
        for (var i = 0; i < fields.Length; i++)
        {
            p[i + 5].Value = SqliteValues.ToDb(fields[i], values[fields[i]]);
        }

        command.ExecuteNonQuery();
    }

    public void Update(ModuleDefinition module, long id, IReadOnlyDictionary<FieldDefinition, object?> values, RecordAudit audit)
    {
        var fields = values.Keys.Where(f => !f.ReadOnly).OrderBy(f => f.ApiName, StringComparer.Ordinal).ToArray();
        var key = $"U|{module.ApiName}|{string.Join(',', fields.Select(f => f.ApiName))}";
        var command = Prepared(key, () =>
        {
            var sets = new StringBuilder("\"Modified_By\" = $v1, \"Modified_Time\" = $v2");
            for (var i = 0; i < fields.Length; i++)
            {
                sets.Append(", ").Append(SqliteValues.Quote(fields[i].ColumnName)).Append(" = $v").Append(i + 3);
            }

            return $"UPDATE {RecordTables.TableName(module)} SET {sets} WHERE id = $v0";
        }, fields.Length + 3);

        var p = command.Parameters;
        p[0].Value = id;
        p[1].Value = audit.UserId;
        p[2].Value = SqliteValues.FormatTime(audit.Time);
        for (var i = 0; i < fields.Length; i++)
        {
            p[i + 3].Value = SqliteValues.ToDb(fields[i], values[fields[i]]);
        }

        command.ExecuteNonQuery();
    }

    public object? GetValue(ModuleDefinition module, long id, FieldDefinition field)
    {
        var command = Prepared($"G|{module.ApiName}|{field.ApiName}", () =>
            $"SELECT {SqliteValues.Quote(field.ColumnName)} FROM {RecordTables.TableName(module)} WHERE id = $v0", 1);
        command.Parameters[0].Value = id;
        var value = command.ExecuteScalar();
        return value is null ? null : SqliteValues.FromDb(field, value);
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }

    private SqliteCommand Prepared(string key, Func<string> sql, int parameterCount)
    {
        if (_commands.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql();
        for (var i = 0; i < parameterCount; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = $"$v{i}" });
        }

        command.Prepare();
        _commands[key] = command;
        return command;
    }
}
