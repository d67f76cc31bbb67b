using BiginBulk.Storage.Relational;
using System.Text.Json;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

/// <summary>The chunk-level half of a record session: one statement per key set, then prepared writes.</summary>
internal sealed partial class SqliteRecordSession
{
    /// <summary>
    /// Answers a chunk's keys with one statement per module (ids) and per field (values), the keys bound as
    /// one JSON array and read with <c>json_each</c>; text compares NOCASE so the unique indexes serve it. At
    /// most <see cref="ChunkAnswers.HoldersPerKey"/> oldest holders per key are read.
    /// </summary>
    public ChunkAnswers Resolve(ChunkKeys keys, CancellationToken cancellationToken)
    {
        var answers = new ChunkAnswers();
        foreach (var (module, ids) in keys.Ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var command = Command(
                $"SELECT id FROM {RecordTables.TableName(module)} WHERE id IN (SELECT value FROM json_each($keys))",
                JsonSerializer.Serialize(ids));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                answers.AddExisting(module, reader.GetInt64(0));
            }
        }

        foreach (var set in keys.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (module, field) = (set.Module, set.Field);
            var column = SqliteValues.Quote(field.ColumnName) + (SqliteValues.IsText(field) ? " COLLATE NOCASE" : "");
            using var command = Command(
                $"""
                SELECT id, v FROM (
                    SELECT id, {SqliteValues.Quote(field.ColumnName)} AS v, row_number() OVER (PARTITION BY {column} ORDER BY id) AS n
                    FROM {RecordTables.TableName(module)} WHERE {column} IN (SELECT value FROM json_each($keys)))
                WHERE n <= {ChunkAnswers.HoldersPerKey}
                """,
                // NOCASE folds ASCII only: the rows' own spellings find stored non-ASCII text that the folded keys miss.
                JsonSerializer.Serialize(set.Keys.Concat(set.Spellings).Select(k => SqliteValues.ToDb(field, k)).Distinct().ToArray()));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (SqliteValues.FromDb(field, reader.GetValue(1)) is { } value)
                {
                    answers.AddHolder(module, field, value, reader.GetInt64(0));
                }
            }
        }

        return answers;
    }

    /// <summary>
    /// Writes a decided chunk: releases first (one UPDATE per field), then every update and insert through
    /// statements prepared once per shape and reused inside the chunk's transaction.
    /// </summary>
    public void Apply(ChunkWrites writes, CancellationToken cancellationToken)
    {
        var module = writes.Module;
        foreach (var (field, ids) in writes.Releases)
        {
            using var command = Command(
                $"UPDATE {RecordTables.TableName(module)} SET {SqliteValues.Quote(field.ColumnName)} = NULL WHERE id IN (SELECT value FROM json_each($keys))",
                JsonSerializer.Serialize(ids));
            command.ExecuteNonQuery();
        }

        foreach (var update in writes.Updates)
        {
            Update(module, update.Id, update.Values, writes.Audit);
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var insert in writes.Inserts)
        {
            Insert(module, insert.Id, insert.Values, writes.Audit);
        }
    }

    private SqliteCommand Command(string sql, string keysJson)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$keys", keysJson);
        return command;
    }
}
