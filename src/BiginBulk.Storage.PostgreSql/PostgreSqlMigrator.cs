using Npgsql;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// Creates a schema and applies its numbered steps once each, tracking the version in the schema's own
/// <c>schema_version</c> row. Everything runs in one transaction under a transaction-scoped advisory lock
/// keyed by the schema name: nodes starting at once queue on the lock, and the later ones find the work done.
/// DDL is transactional in PostgreSQL, so a crash mid-migration leaves the schema at its previous version.
/// </summary>
internal static class PostgreSqlMigrator
{
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, IReadOnlyList<string> steps, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.LockAsync("biginbulk:migrate:" + schema, cancellationToken);
        var quoted = PostgreSqlValues.Quote(schema);
        await connection.ExecuteAsync(
            $"""
            CREATE SCHEMA IF NOT EXISTS {quoted};
            SET LOCAL search_path TO {quoted};
            CREATE TABLE IF NOT EXISTS schema_version (id int PRIMARY KEY CHECK (id = 1), version int NOT NULL);
            INSERT INTO schema_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
            """,
            cancellationToken);
        int version;
        await using (var read = connection.Command("SELECT version FROM schema_version WHERE id = 1"))
        {
            version = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        for (var i = version; i < steps.Count; i++)
        {
            await connection.ExecuteAsync(steps[i], cancellationToken);
        }

        if (version < steps.Count)
        {
            await connection.ExecuteAsync("UPDATE schema_version SET version = @v WHERE id = 1", cancellationToken, PostgreSqlCommands.P("v", steps.Count));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
