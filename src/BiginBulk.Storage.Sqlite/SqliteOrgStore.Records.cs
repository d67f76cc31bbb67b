using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    public Task<RecordPage> ListRecordsAsync(ModuleDefinition module, int offset, int limit, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        // Ask for one more than the page so more_records needs no second COUNT query.
        using var command = connection.CreateCommand(
            $"SELECT {SelectList(module)} FROM {RecordTableSchema.TableName(module)} ORDER BY id LIMIT $limit OFFSET $offset",
            ("$limit", limit + 1), ("$offset", offset));
        using var reader = command.ExecuteReader();
        var records = new List<IReadOnlyDictionary<string, object?>>();
        while (reader.Read())
        {
            records.Add(ReadRecord(module, reader));
        }

        var more = records.Count > limit;
        if (more)
        {
            records.RemoveAt(records.Count - 1);
        }

        return Task.FromResult(new RecordPage(records, more));
    }

    public Task<IReadOnlyDictionary<string, object?>?> GetRecordAsync(ModuleDefinition module, long id, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            $"SELECT {SelectList(module)} FROM {RecordTableSchema.TableName(module)} WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(reader.Read() ? ReadRecord(module, reader) : null);
    }

    public Task<IReadOnlyDictionary<long, string?>> GetDisplayValuesAsync(ModuleDefinition module, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<long, string?>();
        if (ids.Count > 0)
        {
            using var connection = Open();
            // json_each binds the whole id list as one parameter: no SQL is built from values.
            using var command = connection.CreateCommand(
                $"SELECT id, {SqliteValues.Quote(module.DisplayField)} FROM {RecordTableSchema.TableName(module)} WHERE id IN (SELECT value FROM json_each($ids))",
                ("$ids", System.Text.Json.JsonSerializer.Serialize(ids)));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<long, string?>>(result);
    }

    private static string SelectList(ModuleDefinition module) =>
        string.Join(", ", module.Fields.Select(f => SqliteValues.Quote(f.ColumnName)));

    private static Dictionary<string, object?> ReadRecord(ModuleDefinition module, SqliteDataReader reader)
    {
        var record = new Dictionary<string, object?>(module.Fields.Count, StringComparer.Ordinal);
        for (var i = 0; i < module.Fields.Count; i++)
        {
            var field = module.Fields[i];
            record[field.ApiName] = SqliteValues.FromDb(field, reader.GetValue(i));
        }

        return record;
    }
}
