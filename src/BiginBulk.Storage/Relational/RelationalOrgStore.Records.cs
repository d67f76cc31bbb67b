using System.Data.Common;
using System.Globalization;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    public async Task<RecordPage> ListRecordsAsync(ModuleDefinition module, int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        // Ask for one more than the page so more_records needs no second COUNT query.
        var records = await db.QueryAsync<IReadOnlyDictionary<string, object?>>(
            $"SELECT {RecordTables.SelectList(module)} FROM {RecordTables.TableName(module)} ORDER BY id LIMIT @limit OFFSET @offset",
            r => ReadRecord(module, r), cancellationToken, ("limit", limit + 1), ("offset", offset));
        var more = records.Count > limit;
        if (more)
        {
            records.RemoveAt(records.Count - 1);
        }

        return new RecordPage(records, more);
    }

    public async Task<IReadOnlyDictionary<string, object?>?> GetRecordAsync(ModuleDefinition module, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var records = await db.QueryAsync(
            $"SELECT {RecordTables.SelectList(module)} FROM {RecordTables.TableName(module)} WHERE id = @id",
            r => ReadRecord(module, r), cancellationToken, ("id", id));
        return records.SingleOrDefault();
    }

    public async Task<IReadOnlyDictionary<long, string?>> GetDisplayValuesAsync(ModuleDefinition module, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<long, string?>();
        if (ids.Count > 0)
        {
            await using var db = await OpenAsync(cancellationToken);
            var rows = await db.QueryAsync(
                $"SELECT id, {SqlDialect.Quote(module.DisplayField)} FROM {RecordTables.TableName(module)} WHERE {Dialect.InList("id", "ids")}",
                r => (Id: r.GetInt64(0), Display: r.IsDBNull(1) ? null : Convert.ToString(r.GetValue(1), CultureInfo.InvariantCulture)),
                cancellationToken, ("ids", Dialect.BindList(ids)));
            foreach (var (id, display) in rows)
            {
                result[id] = display;
            }
        }

        return result;
    }

    private Dictionary<string, object?> ReadRecord(ModuleDefinition module, DbDataReader reader)
    {
        var record = new Dictionary<string, object?>(module.Fields.Count, StringComparer.Ordinal);
        for (var i = 0; i < module.Fields.Count; i++)
        {
            var field = module.Fields[i];
            record[field.ApiName] = Dialect.FromDb(field, reader.GetValue(i));
        }

        return record;
    }
}
