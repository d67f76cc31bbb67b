using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;
using Npgsql;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    public async Task<RecordPage> ListRecordsAsync(ModuleDefinition module, int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        // Ask for one more than the page so more_records needs no second COUNT query.
        await using var command = connection.Command(
            $"SELECT {SelectList(module)} FROM {PostgreSqlRecordTable.TableName(module)} ORDER BY id LIMIT @limit OFFSET @offset",
            P("limit", limit + 1), P("offset", offset));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<IReadOnlyDictionary<string, object?>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(ReadRecord(module, reader));
        }

        var more = records.Count > limit;
        if (more)
        {
            records.RemoveAt(records.Count - 1);
        }

        return new RecordPage(records, more);
    }

    public async Task<IReadOnlyDictionary<string, object?>?> GetRecordAsync(ModuleDefinition module, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {SelectList(module)} FROM {PostgreSqlRecordTable.TableName(module)} WHERE id = @id", P("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(module, reader) : null;
    }

    public async Task<IReadOnlyDictionary<long, string?>> GetDisplayValuesAsync(ModuleDefinition module, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<long, string?>();
        if (ids.Count > 0)
        {
            await using var connection = await OpenNpgsqlAsync(cancellationToken);
            // The id list is one array parameter: no SQL is built from values.
            await using var command = connection.Command(
                $"SELECT id, {PostgreSqlValues.Quote(module.DisplayField)} FROM {PostgreSqlRecordTable.TableName(module)} WHERE id = ANY(@ids)",
                P("ids", ids.ToArray()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return result;
    }

    private static string SelectList(ModuleDefinition module) =>
        string.Join(", ", module.Fields.Select(f => PostgreSqlValues.Quote(f.ColumnName)));

    private static Dictionary<string, object?> ReadRecord(ModuleDefinition module, NpgsqlDataReader reader)
    {
        var record = new Dictionary<string, object?>(module.Fields.Count, StringComparer.Ordinal);
        for (var i = 0; i < module.Fields.Count; i++)
        {
            var field = module.Fields[i];
            record[field.ApiName] = PostgreSqlValues.FromDb(field, reader.GetValue(i));
        }

        return record;
    }
}
