using System.Runtime.CompilerServices;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    public async IAsyncEnumerable<object?[]> ExportAsync(ExportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var builder = new PostgreSqlExportSqlBuilder(query);
        var sql = builder.BuildSelect();
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        // A read-only transaction holding a server-side cursor: PostgreSQL hands the page over in batches of
        // FETCH, so neither the server nor this process ever holds a 200,000-row page at once.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using (var declare = connection.Command($"DECLARE export_cursor NO SCROLL CURSOR FOR {sql}", [.. builder.Parameters]))
        {
            await declare.ExecuteNonQueryAsync(cancellationToken);
        }

        var fields = query.Columns.Select(c => c.ValueField).ToArray();
        await using var fetch = connection.Command("FETCH FORWARD 2000 FROM export_cursor");
        while (true)
        {
            var rows = 0;
            await using (var reader = await fetch.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows++;
                    var row = new object?[fields.Length + 1];
                    for (var i = 0; i < fields.Length; i++)
                    {
                        row[i] = PostgreSqlValues.FromDb(fields[i], reader.GetValue(i));
                    }

                    row[fields.Length] = reader.GetInt64(fields.Length);
                    yield return row;
                }
            }

            if (rows == 0)
            {
                break;
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> HasRecordsBeyondAsync(ExportQuery query, CancellationToken cancellationToken = default)
    {
        var builder = new PostgreSqlExportSqlBuilder(query);
        var sql = builder.BuildBeyond();
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var command = connection.Command(sql, [.. builder.Parameters]);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
