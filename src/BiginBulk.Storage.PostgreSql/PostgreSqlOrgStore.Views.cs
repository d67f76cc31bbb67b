using System.Text.Json.Nodes;
using BiginBulk.Storage.Views;
using Npgsql;
using NpgsqlTypes;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    private const string ViewColumns = "id, module, name, system_name, criteria, system_defined, created_time";

    public async Task<IReadOnlyList<CustomView>> ListCustomViewsAsync(string module, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {ViewColumns} FROM custom_views WHERE module = @module ORDER BY system_defined DESC, id", P("module", module));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var views = new List<CustomView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            views.Add(ReadView(reader));
        }

        return views;
    }

    public async Task<CustomView?> GetCustomViewAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {ViewColumns} FROM custom_views WHERE id = @id", P("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadView(reader) : null;
    }

    public async Task CreateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"INSERT INTO custom_views ({ViewColumns}) VALUES (@id, @module, @name, @system, @criteria, @defined, @time)",
            cancellationToken,
            P("id", view.Id), P("module", view.Module), P("name", view.Name), P("system", view.SystemName, NpgsqlDbType.Text),
            P("criteria", view.Criteria?.ToJsonString(), NpgsqlDbType.Text), P("defined", view.SystemDefined), P("time", PostgreSqlValues.Time(view.CreatedTime)));
    }

    public async Task<bool> UpdateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE custom_views SET name = @name, criteria = @criteria WHERE id = @id AND NOT system_defined",
            cancellationToken,
            P("id", view.Id), P("name", view.Name), P("criteria", view.Criteria?.ToJsonString(), NpgsqlDbType.Text)) > 0;
    }

    public async Task<bool> DeleteCustomViewAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM custom_views WHERE id = @id AND NOT system_defined", cancellationToken, P("id", id)) > 0;
    }

    private static CustomView ReadView(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : JsonNode.Parse(reader.GetString(4)),
        reader.GetBoolean(5),
        PostgreSqlValues.ReadTime(reader.GetDateTime(6)));
}
