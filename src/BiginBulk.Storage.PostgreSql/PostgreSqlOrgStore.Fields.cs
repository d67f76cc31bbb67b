using System.Data;
using System.Text.Json;
using System.Text.Json.Serialization;
using BiginBulk.Core.Modules;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    private static readonly JsonSerializerOptions FieldJson = new() { Converters = { new JsonStringEnumConverter() } };

    // The catalog is cached with the catalog_version it was read at. SQLite can watch its own schema_version;
    // PostgreSQL has no per-schema equivalent, so every field change bumps catalog_version in the same
    // transaction as the ALTER TABLE. Another node's change is therefore noticed on the next read.
    private volatile CachedCatalog? _catalog;

    public async Task<ModuleCatalog> GetCatalogAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        // Repeatable read: the version and the field list come from the same snapshot.
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        long version;
        await using (var read = connection.Command("SELECT version FROM catalog_version WHERE id = 1"))
        {
            version = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        if (_catalog is { } cached && cached.Version == version)
        {
            return cached.Catalog;
        }

        await using var command = connection.Command("SELECT module, definition FROM custom_fields ORDER BY created_time, api_name COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var fields = new List<CustomField>();
        while (await reader.ReadAsync(cancellationToken))
        {
            fields.Add(new CustomField(reader.GetString(0), JsonSerializer.Deserialize<FieldDefinition>(reader.GetString(1), FieldJson)!));
        }

        var catalog = new ModuleCatalog(fields);
        _catalog = new CachedCatalog(version, catalog);
        return catalog;
    }

    public async Task AddCustomFieldAsync(CustomField field, CancellationToken cancellationToken = default)
    {
        var module = StandardModules.Find(field.Module) ?? throw new ArgumentException($"No module {field.Module}.", nameof(field));
        var definition = field.Field;
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"ALTER TABLE {PostgreSqlRecordTable.TableName(module)} ADD COLUMN {PostgreSqlValues.Quote(definition.ColumnName)} {PostgreSqlValues.ColumnType(definition.Type)}",
            cancellationToken);
        if (definition.Unique)
        {
            await connection.ExecuteAsync(PostgreSqlRecordTable.CreateIndexSql(module, definition, unique: true), cancellationToken);
        }
        else if (definition.Type == FieldType.Lookup)
        {
            await connection.ExecuteAsync(PostgreSqlRecordTable.CreateIndexSql(module, definition, unique: false), cancellationToken);
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO custom_fields (module, api_name, definition, created_time) VALUES (@module, @name, @definition, @time);
            UPDATE catalog_version SET version = version + 1 WHERE id = 1;
            """,
            cancellationToken,
            P("module", module.ApiName), P("name", definition.ApiName), P("definition", JsonSerializer.Serialize(definition, FieldJson)),
            P("time", PostgreSqlValues.Time(DateTimeOffset.UtcNow)));
        await transaction.CommitAsync(cancellationToken);
        _catalog = null;
    }

    public async Task<bool> RemoveCustomFieldAsync(string module, string apiName, CancellationToken cancellationToken = default)
    {
        var definition = StandardModules.Find(module);
        if (definition is null)
        {
            return false;
        }

        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(
            "DELETE FROM custom_fields WHERE module = @module AND api_name = @name", cancellationToken,
            P("module", definition.ApiName), P("name", apiName));
        if (deleted == 0)
        {
            return false;
        }

        // DROP COLUMN drops the column's indexes with it and keeps every other value.
        await connection.ExecuteAsync(
            $"""
            ALTER TABLE {PostgreSqlRecordTable.TableName(definition)} DROP COLUMN {PostgreSqlValues.Quote(apiName)};
            UPDATE catalog_version SET version = version + 1 WHERE id = 1;
            """,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _catalog = null;
        return true;
    }

    private sealed record CachedCatalog(long Version, ModuleCatalog Catalog);
}
