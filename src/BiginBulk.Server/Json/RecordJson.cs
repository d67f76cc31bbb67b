using System.Text.Json.Nodes;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Json;

/// <summary>
/// Renders stored records in Zoho's record JSON: ids as strings, lookups as <c>{"name","id"}</c>, users as
/// <c>{"name","id","email"}</c>, dates and times ISO 8601, multi-select picklists as arrays.
/// </summary>
internal sealed class RecordJson(
    IReadOnlyDictionary<long, User> users,
    IReadOnlyDictionary<string, IReadOnlyDictionary<long, string?>> lookupNames)
{
    public JsonObject Render(ModuleDefinition module, IReadOnlyDictionary<string, object?> record, IReadOnlyList<FieldDefinition> fields)
    {
        var json = new JsonObject();
        foreach (var field in fields)
        {
            json[field.ApiName] = RenderValue(field, record.GetValueOrDefault(field.ApiName));
        }

        json["id"] = ZohoIds.Format((long)record[SystemFields.Id]!);
        return json;
    }

    private JsonNode? RenderValue(FieldDefinition field, object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case long id when field.Type == FieldType.OwnerLookup:
                return users.TryGetValue(id, out var user)
                    ? new JsonObject { ["name"] = user.FullName, ["id"] = ZohoIds.Format(id), ["email"] = user.Email }
                    : new JsonObject { ["name"] = null, ["id"] = ZohoIds.Format(id), ["email"] = null };
            case long id when field.Type == FieldType.Lookup:
                var name = lookupNames.TryGetValue(field.LookupModule!, out var names) ? names.GetValueOrDefault(id) : null;
                return new JsonObject { ["name"] = name, ["id"] = ZohoIds.Format(id) };
            case long id when field.ApiName == SystemFields.Id:
                return ZohoIds.Format(id);
            case long number:
                return number;
            case decimal number:
                return number;
            case bool flag:
                return flag;
            case string[] values:
                return new JsonArray([.. values.Select(v => (JsonNode?)v)]);
            default:
                return ValueFormatter.Format(value);
        }
    }
}
