using System.Text.Json.Nodes;
using BiginBulk.Storage.Views;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    public Task<IReadOnlyList<CustomView>> ListCustomViewsAsync(string module, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            "SELECT id, module, name, system_name, criteria, system_defined, created_time FROM custom_views WHERE module = $module ORDER BY system_defined DESC, id",
            ("$module", module));
        using var reader = command.ExecuteReader();
        var views = new List<CustomView>();
        while (reader.Read())
        {
            views.Add(ReadView(reader));
        }

        return Task.FromResult<IReadOnlyList<CustomView>>(views);
    }

    public Task<CustomView?> GetCustomViewAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            "SELECT id, module, name, system_name, criteria, system_defined, created_time FROM custom_views WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadView(reader) : null);
    }

    public Task CreateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        connection.Execute(
            "INSERT INTO custom_views (id, module, name, system_name, criteria, system_defined, created_time) VALUES ($id, $module, $name, $system, $criteria, $defined, $time)",
            ("$id", view.Id), ("$module", view.Module), ("$name", view.Name), ("$system", view.SystemName),
            ("$criteria", view.Criteria?.ToJsonString()), ("$defined", view.SystemDefined ? 1 : 0), ("$time", SqliteValues.FormatTime(view.CreatedTime)));
        return Task.CompletedTask;
    }

    public Task<bool> UpdateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        var changed = connection.Execute(
            "UPDATE custom_views SET name = $name, criteria = $criteria WHERE id = $id AND system_defined = 0",
            ("$id", view.Id), ("$name", view.Name), ("$criteria", view.Criteria?.ToJsonString()));
        return Task.FromResult(changed > 0);
    }

    public Task<bool> DeleteCustomViewAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        return Task.FromResult(connection.Execute("DELETE FROM custom_views WHERE id = $id AND system_defined = 0", ("$id", id)) > 0);
    }

    private static CustomView ReadView(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : JsonNode.Parse(reader.GetString(4)),
        reader.GetInt64(5) != 0,
        SqliteValues.ParseTime(reader.GetString(6)));
}
