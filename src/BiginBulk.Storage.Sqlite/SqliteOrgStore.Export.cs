using System.Runtime.CompilerServices;
using System.Text.Json;
using BiginBulk.Core.BulkRead;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Records;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    public async IAsyncEnumerable<object?[]> ExportAsync(ExportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var builder = new ExportSqlBuilder(query);
        var sql = builder.BuildSelect();
        using var connection = Open();
        using var command = connection.CreateCommand(sql, [.. builder.Parameters]);
        // The reader steps through SQLite's result one row at a time: memory stays flat for a 200,000-row page.
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var fields = query.Columns.Select(c => c.ValueField).ToArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[fields.Length + 1];
            for (var i = 0; i < fields.Length; i++)
            {
                row[i] = SqliteValues.FromDb(fields[i], reader.GetValue(i));
            }

            row[fields.Length] = reader.GetInt64(fields.Length);
            yield return row;
        }
    }

    public Task<bool> HasRecordsBeyondAsync(ExportQuery query, CancellationToken cancellationToken = default)
    {
        var builder = new ExportSqlBuilder(query);
        var sql = builder.BuildBeyond();
        using var connection = Open();
        using var command = connection.CreateCommand(sql, [.. builder.Parameters]);
        return Task.FromResult(command.ExecuteScalar() is not null);
    }
}
