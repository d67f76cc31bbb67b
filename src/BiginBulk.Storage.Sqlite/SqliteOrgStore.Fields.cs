using System.Text.Json;
using System.Text.Json.Serialization;
using BiginBulk.Core.Modules;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    private static readonly JsonSerializerOptions FieldJson = new() { Converters = { new JsonStringEnumConverter() } };

    // The catalog is cached with the schema version it was read at: adding or removing a column bumps SQLite's
    // schema_version, also when another process (the admin tool) does it, so a stale catalog is never used.
    private volatile CachedCatalog? _catalog;

    public Task<ModuleCatalog> GetCatalogAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        // One read transaction: the version and the field list come from the same snapshot.
        using var snapshot = connection.BeginTransaction(deferred: true);
        long version;
        using (var pragma = connection.CreateCommand("PRAGMA schema_version"))
        {
            pragma.Transaction = snapshot;
            version = (long)pragma.ExecuteScalar()!;
        }

        if (_catalog is { } cached && cached.SchemaVersion == version)
        {
            return Task.FromResult(cached.Catalog);
        }

        using var command = connection.CreateCommand("SELECT module, definition FROM custom_fields ORDER BY rowid");
        command.Transaction = snapshot;
        using var reader = command.ExecuteReader();
        var fields = new List<CustomField>();
        while (reader.Read())
        {
            fields.Add(new CustomField(reader.GetString(0), JsonSerializer.Deserialize<FieldDefinition>(reader.GetString(1), FieldJson)!));
        }

        var catalog = new ModuleCatalog(fields);
        _catalog = new CachedCatalog(version, catalog);
        return Task.FromResult(catalog);
    }

    private sealed record CachedCatalog(long SchemaVersion, ModuleCatalog Catalog);

    public Task AddCustomFieldAsync(CustomField field, CancellationToken cancellationToken = default)
    {
        var module = StandardModules.Find(field.Module) ?? throw new ArgumentException($"No module {field.Module}.", nameof(field));
        var definition = field.Field;
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var collation = RecordTableSchema.IsText(definition) ? " COLLATE NOCASE" : string.Empty;
        Run(connection, transaction,
            $"ALTER TABLE {RecordTableSchema.TableName(module)} ADD COLUMN {SqliteValues.Quote(definition.ColumnName)} {SqliteValues.ColumnType(definition.Type)}{collation}");
        if (definition.Unique)
        {
            Run(connection, transaction,
                $"CREATE UNIQUE INDEX {SqliteValues.Quote($"ux_{module.ApiName}_{definition.ApiName}")} ON {RecordTableSchema.TableName(module)} ({SqliteValues.Quote(definition.ColumnName)})");
        }
        else if (definition.Type == FieldType.Lookup)
        {
            Run(connection, transaction,
                $"CREATE INDEX {SqliteValues.Quote($"ix_{module.ApiName}_{definition.ApiName}")} ON {RecordTableSchema.TableName(module)} ({SqliteValues.Quote(definition.ColumnName)})");
        }

        using (var insert = connection.CreateCommand(
            "INSERT INTO custom_fields (module, api_name, definition, created_time) VALUES ($module, $name, $definition, $time)",
            ("$module", module.ApiName), ("$name", definition.ApiName), ("$definition", JsonSerializer.Serialize(definition, FieldJson)),
            ("$time", SqliteValues.FormatTime(DateTimeOffset.UtcNow))))
        {
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        _catalog = null;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveCustomFieldAsync(string module, string apiName, CancellationToken cancellationToken = default)
    {
        var definition = StandardModules.Find(module);
        if (definition is null)
        {
            return Task.FromResult(false);
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var delete = connection.CreateCommand(
            "DELETE FROM custom_fields WHERE module = $module AND api_name = $name", ("$module", definition.ApiName), ("$name", apiName)))
        {
            delete.Transaction = transaction;
            if (delete.ExecuteNonQuery() == 0)
            {
                return Task.FromResult(false);
            }
        }

        // Indexes on the column must go first; DROP COLUMN then rewrites the table without it, keeping every other value.
        Run(connection, transaction, $"DROP INDEX IF EXISTS {SqliteValues.Quote($"ux_{definition.ApiName}_{apiName}")}");
        Run(connection, transaction, $"DROP INDEX IF EXISTS {SqliteValues.Quote($"ix_{definition.ApiName}_{apiName}")}");
        Run(connection, transaction, $"ALTER TABLE {RecordTableSchema.TableName(definition)} DROP COLUMN {SqliteValues.Quote(apiName)}");
        transaction.Commit();
        _catalog = null;
        return Task.FromResult(true);
    }

    private static void Run(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand(sql);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
