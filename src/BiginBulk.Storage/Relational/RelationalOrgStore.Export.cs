using System.Runtime.CompilerServices;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    public async IAsyncEnumerable<object?[]> ExportAsync(ExportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var builder = Dialect.CreateExportSqlBuilder(query);
        var sql = builder.BuildSelect();
        var fields = query.Columns.Select(c => c.ValueField).ToArray();
        await using var db = await OpenAsync(cancellationToken);
        // The dialect streams the rows (memory stays flat for a 200,000-row page); each is the columns' typed
        // values followed by the record id.
        await foreach (var row in Dialect.StreamAsync(db, sql, builder.Parameters, reader =>
        {
            var row = new object?[fields.Length + 1];
            for (var i = 0; i < fields.Length; i++)
            {
                row[i] = Dialect.FromDb(fields[i], reader.GetValue(i));
            }

            row[fields.Length] = reader.GetInt64(fields.Length);
            return row;
        }, cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<bool> HasRecordsBeyondAsync(ExportQuery query, CancellationToken cancellationToken = default)
    {
        var builder = Dialect.CreateExportSqlBuilder(query);
        var sql = builder.BuildBeyond();
        await using var db = await OpenAsync(cancellationToken);
        return await db.ScalarAsync(sql, cancellationToken, [.. builder.Parameters]) is not null;
    }
}
