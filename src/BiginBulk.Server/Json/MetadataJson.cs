using System.Text.Json.Nodes;
using BiginBulk.Core.Modules;

namespace BiginBulk.Server.Json;

/// <summary>
/// Zoho's metadata shapes (notes §5.3): the modules list and a module's fields, with the keys clients read
/// (<c>api_name</c>, <c>data_type</c>, <c>length</c>, <c>system_mandatory</c>, <c>unique</c>, <c>lookup</c>,
/// <c>pick_list_values</c>, <c>custom_field</c>, …).
/// </summary>
internal static class MetadataJson
{
    public static JsonObject Module(ModuleDefinition module) => new()
    {
        ["id"] = ZohoIds.Format(module.Id),
        ["api_name"] = module.ApiName,
        ["module_name"] = module.ApiName,
        ["singular_label"] = module.SingularLabel,
        ["plural_label"] = module.PluralLabel,
        ["api_supported"] = true,
        ["generated_type"] = "default",
        ["creatable"] = true,
        ["editable"] = true,
        ["deletable"] = true,
        ["viewable"] = true,
        ["visible"] = true,
        ["display_field"] = new JsonObject { ["api_name"] = module.DisplayField },
    };

    public static JsonObject Field(ModuleDefinition module, FieldDefinition field, Func<string, ModuleDefinition?> findModule)
    {
        var json = new JsonObject
        {
            ["id"] = ZohoIds.Format(FieldId(module, field)),
            ["api_name"] = field.ApiName,
            ["field_label"] = field.Label,
            ["display_label"] = field.Label,
            ["data_type"] = field.Type.ToZohoName(),
            ["json_type"] = JsonType(field.Type),
            ["length"] = field.Length,
            ["decimal_place"] = field.Type is FieldType.Decimal or FieldType.Currency or FieldType.Percent ? field.DecimalPlaces : null,
            ["system_mandatory"] = field.Mandatory,
            ["read_only"] = field.ReadOnly,
            ["field_read_only"] = field.ReadOnly,
            ["custom_field"] = field.CustomField,
            ["visible"] = true,
            ["filterable"] = true,
            ["sortable"] = true,
            ["unique"] = field.Unique ? new JsonObject { ["casesensitive"] = "0" } : new JsonObject(),
            ["pick_list_values"] = new JsonArray([.. field.PicklistValues.Select((v, i) => (JsonNode)new JsonObject
            {
                ["display_value"] = v,
                ["actual_value"] = v,
                ["reference_value"] = v,
                ["sequence_number"] = i + 1,
                ["type"] = "used",
            })]),
            ["lookup"] = Lookup(module, field, findModule),
        };
        return json;
    }

    /// <summary>
    /// A module's one layout, "Standard", with every field in one section: what Zoho's layouts API answers
    /// for an org that never customised its layouts. Its id is derived from the module id, like field ids.
    /// </summary>
    public static JsonObject Layout(ModuleDefinition module, Func<string, ModuleDefinition?> findModule) => new()
    {
        ["id"] = ZohoIds.Format(module.Id + 2_000_000),
        ["name"] = "Standard",
        ["display_label"] = "Standard",
        ["api_name"] = "Standard",
        ["status"] = "active",
        ["visible"] = true,
        ["generated_type"] = "default",
        ["sections"] = new JsonArray(new JsonObject
        {
            ["display_label"] = $"{module.SingularLabel} Information",
            ["api_name"] = $"{module.SingularLabel} Information",
            ["sequence_number"] = 1,
            ["column_count"] = 2,
            ["fields"] = new JsonArray([.. module.Fields.Select(f => (JsonNode)Field(module, f, findModule))]),
        }),
    };

    /// <summary>Field ids are stable numbers derived from the module id and the field's position.</summary>
    private static long FieldId(ModuleDefinition module, FieldDefinition field)
    {
        var index = 0;
        for (; index < module.Fields.Count && module.Fields[index].ApiName != field.ApiName; index++)
        {
        }

        return module.Id + 1_000_000 + index;
    }

    private static JsonObject Lookup(ModuleDefinition module, FieldDefinition field, Func<string, ModuleDefinition?> findModule)
    {
        if (field.Type != FieldType.Lookup || field.LookupModule is not { } target || findModule(target) is not { } lookedUp)
        {
            return [];
        }

        return new JsonObject
        {
            ["api_name"] = field.ApiName,
            ["display_label"] = field.Label,
            ["module"] = new JsonObject
            {
                ["api_name"] = lookedUp.ApiName,
                ["id"] = ZohoIds.Format(lookedUp.Id),
            },
        };
    }

    private static string JsonType(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.BigInt => "integer",
        FieldType.Decimal or FieldType.Currency or FieldType.Percent => "double",
        FieldType.Boolean => "boolean",
        FieldType.Lookup or FieldType.OwnerLookup => "jsonobject",
        FieldType.MultiSelectPicklist => "jsonarray",
        _ => "string",
    };
}
