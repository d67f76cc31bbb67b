using BiginBulk.Storage.Relational;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using Npgsql;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>The chunk-level half of a record session: one statement per key set, then COPY-based writes.</summary>
internal sealed partial class PostgreSqlRecordSession
{
    private readonly HashSet<string> _stagingTables = new(StringComparer.Ordinal);

    /// <summary>
    /// Answers a chunk's keys with one statement per module (ids) and per field (values): <c>= ANY(@keys)</c>
    /// over an array parameter, text through <c>lower()</c> so the lower() indexes serve it. At most
    /// <see cref="ChunkAnswers.HoldersPerKey"/> oldest holders per key are read.
    /// </summary>
    public async Task<ChunkAnswers> ResolveAsync(ChunkKeys keys, CancellationToken cancellationToken)
    {
        var answers = new ChunkAnswers();
        foreach (var (module, ids) in keys.Ids)
        {
            await using var command = connection.Command(
                $"SELECT id FROM {RecordTables.TableName(module)} WHERE id = ANY(@ids)",
                PostgreSqlCommands.P("ids", ids.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                answers.AddExisting(module, reader.GetInt64(0));
            }
        }

        foreach (var set in keys.Values)
        {
            await ResolveValuesAsync(set, answers, cancellationToken);
        }

        return answers;
    }

    private async Task ResolveValuesAsync(ChunkKeys.ValueKeys set, ChunkAnswers answers, CancellationToken cancellationToken)
    {
        var (module, field) = (set.Module, set.Field);
        var column = PostgreSqlValues.Quote(field.ColumnName);
        var indexed = PostgreSqlValues.Indexed(field);
        var values = set.Keys.Select(k => PostgreSqlValues.ToDb(field, k)).ToArray();
        NpgsqlParameter parameter;
        if (values.Any(v => v is decimal))
        {
            // A key with more digits than the field keeps matches nothing stored, but must still compare as numeric.
            parameter = PostgreSqlCommands.P("keys", values.Select(v => Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Numeric);
        }
        else
        {
            var type = PostgreSqlValues.DbType(field.Type);
            Array typed = type switch
            {
                NpgsqlDbType.Bigint => values.Cast<long>().ToArray(),
                NpgsqlDbType.Boolean => values.Cast<bool>().ToArray(),
                NpgsqlDbType.Date => values.Cast<DateOnly>().ToArray(),
                NpgsqlDbType.TimestampTz => values.Cast<DateTime>().ToArray(),
                _ => values.Select(v => PostgreSqlValues.Text((string)v)).ToArray(),
            };
            parameter = PostgreSqlCommands.P("keys", typed, NpgsqlDbType.Array | type);
        }

        await using var command = connection.Command(
            $"""
            SELECT id, v FROM (
                SELECT id, {column} AS v, row_number() OVER (PARTITION BY {indexed} ORDER BY id) AS n
                FROM {RecordTables.TableName(module)} WHERE {indexed} = ANY(@keys)) AS holders
            WHERE n <= {ChunkAnswers.HoldersPerKey}
            """,
            parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (PostgreSqlValues.FromDb(field, reader.GetValue(1)) is { } value)
            {
                answers.AddHolder(module, field, value, reader.GetInt64(0));
            }
        }
    }

    /// <summary>
    /// Writes a decided chunk: releases first (one UPDATE per field), then the updates and the inserts, each
    /// by binary COPY into a staging table and one set-based statement per column set.
    /// </summary>
    public async Task ApplyAsync(ChunkWrites writes, CancellationToken cancellationToken)
    {
        var module = writes.Module;
        var table = RecordTables.TableName(module);
        foreach (var (field, ids) in writes.Releases)
        {
            await connection.ExecuteAsync(
                $"UPDATE {table} SET {PostgreSqlValues.Quote(field.ColumnName)} = NULL WHERE id = ANY(@ids)",
                cancellationToken,
                PostgreSqlCommands.P("ids", ids.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        }

        var time = PostgreSqlValues.Time(writes.Audit.Time);
        var user = writes.Audit.UserId;
        if (writes.Updates.Count > 0)
        {
            var rows = new List<PostgreSqlStagedRow>(writes.Updates.Count);
            foreach (var update in writes.Updates)
            {
                var row = Staged(update);
                row.Set(SystemFields.ModifiedBy, user, NpgsqlDbType.Bigint);
                row.Set(SystemFields.ModifiedTime, time, NpgsqlDbType.TimestampTz);
                rows.Add(row);
            }

            cancellationToken.ThrowIfCancellationRequested();
            PostgreSqlStagingCopy.Update(connection, module, rows, _stagingTables);
        }

        if (writes.Inserts.Count > 0)
        {
            var rows = new List<PostgreSqlStagedRow>(writes.Inserts.Count);
            foreach (var insert in writes.Inserts)
            {
                var row = Staged(insert);
                row.Set(SystemFields.CreatedBy, user, NpgsqlDbType.Bigint);
                row.Set(SystemFields.ModifiedBy, user, NpgsqlDbType.Bigint);
                row.Set(SystemFields.CreatedTime, time, NpgsqlDbType.TimestampTz);
                row.Set(SystemFields.ModifiedTime, time, NpgsqlDbType.TimestampTz);
                rows.Add(row);
            }

            cancellationToken.ThrowIfCancellationRequested();
            PostgreSqlStagingCopy.Insert(connection, module, rows, _stagingTables);
        }
    }

    private static PostgreSqlStagedRow Staged(RecordWrite write)
    {
        var row = new PostgreSqlStagedRow();
        row.Set(SystemFields.Id, write.Id, NpgsqlDbType.Bigint);
        foreach (var (field, value) in write.Values)
        {
            row.Set(field.ColumnName, PostgreSqlValues.ToDb(field, value), PostgreSqlValues.DbType(field.Type));
        }

        return row;
    }
}
