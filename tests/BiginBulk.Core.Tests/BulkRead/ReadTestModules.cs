using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.Tests.BulkRead;

/// <summary>A module with one field of every type (named <c>F_{data_type}</c>) and criteria helpers.</summary>
internal static class ReadTestModules
{
    public const string CriteriaPath = "$.query.criteria";

    public static ModuleDefinition AllTypes { get; } = new(
        "Widgets", "Widget", "Widgets", displayField: "F_text", scopeToken: "widgets", id: 1,
        [
            .. SystemFields.For("Widget"),
            .. Enum.GetValues<FieldType>().Select(type => new FieldDefinition
            {
                ApiName = FieldName(type),
                Label = FieldName(type),
                Type = type,
                Length = 255,
                LookupModule = type == FieldType.Lookup ? "Accounts" : null,
            }),
        ]);

    public static string FieldName(FieldType type) => $"F_{type.ToZohoName()}";

    public static ModuleDefinition? FindModule(string name) =>
        AllTypes.IsNamed(name) ? AllTypes : StandardModules.Find(name);

    public static Criteria Parse(string json, ModuleDefinition? module = null, int maxConditions = 25) =>
        CriteriaParser.Parse(JsonNode.Parse(json)!, module ?? StandardModules.Contacts, FindModule, maxConditions, CriteriaPath);

    public static CriteriaCondition ParseCondition(string json, ModuleDefinition? module = null) =>
        Assert.IsType<CriteriaCondition>(Parse(json, module));

    public static ZohoError Refused(string json, ModuleDefinition? module = null, int maxConditions = 25) =>
        Assert.Throws<ZohoErrorException>(() => Parse(json, module, maxConditions)).Error;

    /// <summary>A leaf on the all-types module, with <paramref name="valueJson"/> written as raw JSON.</summary>
    public static string Leaf(string field, string comparator, string valueJson) =>
        $$"""{"api_name":"{{field}}","comparator":"{{comparator}}","value":{{valueJson}}}""";

    public static string? Detail(this ZohoError error, string key) => error.Details[key]?.ToJsonString().Trim('"');
}
