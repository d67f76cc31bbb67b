using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    private static readonly JsonSerializerOptions FieldJson = new() { Converters = { new JsonStringEnumConverter() } };

    // The catalog is cached with the version it was read at (SqlDialect.CatalogVersionSql), which every field
    // change moves, also when another process or node makes it, so a stale catalog is never used.
    private volatile CachedCatalog? _catalog;

    public async Task<ModuleCatalog> GetCatalogAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        // One snapshot: the version and the field list agree.
        await db.BeginSnapshotAsync(cancellationToken);
        var version = Convert.ToInt64(await db.ScalarAsync(Dialect.CatalogVersionSql, cancellationToken), CultureInfo.InvariantCulture);
        if (_catalog is { } cached && cached.Version == version)
        {
            return cached.Catalog;
        }

        var fields = await db.QueryAsync(
            $"SELECT module, definition FROM custom_fields ORDER BY {Dialect.CustomFieldOrder}",
            r => new CustomField(r.GetString(0), JsonSerializer.Deserialize<FieldDefinition>(r.GetString(1), FieldJson)!),
            cancellationToken);
        var catalog = new ModuleCatalog(fields);
        _catalog = new CachedCatalog(version, catalog);
        return catalog;
    }

    public async Task AddCustomFieldAsync(CustomField field, CancellationToken cancellationToken = default)
    {
        var module = StandardModules.Find(field.Module) ?? throw new ArgumentException($"No module {field.Module}.", nameof(field));
        var definition = field.Field;
        await using var db = await OpenAsync(cancellationToken);
        await db.BeginWriteAsync(null, cancellationToken);
        await db.ExecuteAsync($"ALTER TABLE {RecordTables.TableName(module)} ADD COLUMN {RecordTables.ColumnDefinition(definition, Dialect)}", cancellationToken);
        if (definition.Unique || definition.Type == FieldType.Lookup)
        {
            await db.ExecuteAsync(RecordTables.CreateIndexSql(module, definition, definition.Unique, Dialect), cancellationToken);
        }

        await db.ExecuteAsync(
            "INSERT INTO custom_fields (module, api_name, definition, created_time) VALUES (@module, @name, @definition, @time)",
            cancellationToken,
            ("module", module.ApiName), ("name", definition.ApiName), ("definition", JsonSerializer.Serialize(definition, FieldJson)),
            ("time", Clock.GetUtcNow()));
        await BumpCatalogVersionAsync(db, cancellationToken);
        await db.CommitAsync(cancellationToken);
        _catalog = null;
    }

    public async Task<bool> RemoveCustomFieldAsync(string module, string apiName, CancellationToken cancellationToken = default)
    {
        var definition = StandardModules.Find(module);
        if (definition is null)
        {
            return false;
        }

        await using var db = await OpenAsync(cancellationToken);
        await db.BeginWriteAsync(null, cancellationToken);
        var deleted = await db.ExecuteAsync(
            "DELETE FROM custom_fields WHERE module = @module AND api_name = @name", cancellationToken,
            ("module", definition.ApiName), ("name", apiName));
        if (deleted == 0)
        {
            return false;
        }

        // Indexes on the column go first (SQLite refuses to drop an indexed column); DROP COLUMN then keeps
        // every other value.
        await db.ExecuteAsync($"DROP INDEX IF EXISTS {RecordTables.IndexName(definition.ApiName, apiName, unique: true)}", cancellationToken);
        await db.ExecuteAsync($"DROP INDEX IF EXISTS {RecordTables.IndexName(definition.ApiName, apiName, unique: false)}", cancellationToken);
        await db.ExecuteAsync($"ALTER TABLE {RecordTables.TableName(definition)} DROP COLUMN {SqlDialect.Quote(apiName)}", cancellationToken);
        await BumpCatalogVersionAsync(db, cancellationToken);
        await db.CommitAsync(cancellationToken);
        _catalog = null;
        return true;
    }

    private async Task BumpCatalogVersionAsync(RelationalConnection db, CancellationToken cancellationToken)
    {
        if (Dialect.BumpCatalogVersionSql is { } bump)
        {
            await db.ExecuteAsync(bump, cancellationToken);
        }
    }

    private sealed record CachedCatalog(long Version, ModuleCatalog Catalog);
}
