namespace BiginBulk.Storage.Relational;

/// <summary>
/// Applies a schema's numbered steps once each, in one transaction with the version bump, so a crash
/// mid-migration leaves the schema at its previous version and the steps run again on the next start. The
/// dialect takes the migration lock first (SQLite's write lock, PostgreSQL's advisory lock keyed by the schema),
/// so nodes starting at once queue on it and the later ones find the work done, and it keeps the version
/// (SQLite's <c>PRAGMA user_version</c>, PostgreSQL's <c>schema_version</c> row).
/// </summary>
public static class SchemaMigrator
{
    public static async Task MigrateAsync(SqlDialect dialect, IReadOnlyList<string> steps, CancellationToken cancellationToken = default)
    {
        await using var db = new RelationalConnection(await dialect.OpenAsync(cancellationToken), dialect);
        var version = await dialect.BeginMigrationAsync(db, cancellationToken);
        for (var i = version; i < steps.Count; i++)
        {
            await db.ExecuteAsync(steps[i], cancellationToken);
        }

        if (version < steps.Count)
        {
            await dialect.SetSchemaVersionAsync(db, steps.Count, cancellationToken);
        }

        await db.CommitAsync(cancellationToken);
    }
}
