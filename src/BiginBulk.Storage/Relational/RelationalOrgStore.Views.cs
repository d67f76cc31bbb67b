using System.Data.Common;
using System.Text.Json.Nodes;
using BiginBulk.Storage.Views;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    private const string ViewColumns = "id, module, name, system_name, criteria, system_defined, created_time";

    public async Task<IReadOnlyList<CustomView>> ListCustomViewsAsync(string module, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.QueryAsync(
            $"SELECT {ViewColumns} FROM custom_views WHERE module = @module ORDER BY system_defined DESC, id", ReadView, cancellationToken, ("module", module));
    }

    public async Task<CustomView?> GetCustomViewAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return (await db.QueryAsync($"SELECT {ViewColumns} FROM custom_views WHERE id = @id", ReadView, cancellationToken, ("id", id))).SingleOrDefault();
    }

    public async Task CreateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.ExecuteAsync(
            $"INSERT INTO custom_views ({ViewColumns}) VALUES (@id, @module, @name, @system, @criteria, @defined, @time)",
            cancellationToken,
            ("id", view.Id), ("module", view.Module), ("name", view.Name), ("system", view.SystemName),
            ("criteria", view.Criteria?.ToJsonString()), ("defined", view.SystemDefined), ("time", view.CreatedTime));
    }

    // NOT system_defined reads a SQLite 0/1 column as PostgreSQL reads a boolean.
    public async Task<bool> UpdateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.ExecuteAsync(
            "UPDATE custom_views SET name = @name, criteria = @criteria WHERE id = @id AND NOT system_defined",
            cancellationToken,
            ("id", view.Id), ("name", view.Name), ("criteria", view.Criteria?.ToJsonString())) > 0;
    }

    public async Task<bool> DeleteCustomViewAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.ExecuteAsync("DELETE FROM custom_views WHERE id = @id AND NOT system_defined", cancellationToken, ("id", id)) > 0;
    }

    private CustomView ReadView(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : JsonNode.Parse(reader.GetString(4)),
        reader.GetBoolean(5),
        Dialect.ReadTime(reader, 6));
}
