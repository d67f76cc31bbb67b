using System.Text.Json.Nodes;
using BiginBulk.Core.Json;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

public static partial class CriteriaParser
{
    private static CriteriaCondition ParseCondition(JsonObject obj, ModuleDefinition module, Func<string, ModuleDefinition?> findModule, string path)
    {
        var (name, namePath) = ReadFieldName(obj, path);
        var field = FieldPathResolver.Resolve(module, name, findModule)
            ?? throw BulkReadErrors.Error(Code, $"invalid criteria: {name} is not a field of {module.ApiName}.", namePath, ("api_name", name));

        var supported = ComparatorRules.For(field.Type);
        var comparatorNode = obj.Get("comparator", out _)
            ?? throw BulkReadErrors.Error(Code, $"invalid criteria: the comparator for {field.ApiName} is missing.", $"{path}.comparator",
                ("api_name", field.ApiName), ("supported", Supported(supported)));
        var comparatorText = comparatorNode is JsonValue cv && cv.TryGetValue<string>(out var s) ? s : ZohoJson.Show(comparatorNode);
        if (!ComparatorNames.TryParse(comparatorText, out var comparator) || !supported.Contains(comparator))
        {
            throw BulkReadErrors.Error(Code,
                $"invalid criteria: comparator {comparatorText} is not supported for {field.ApiName} ({field.Type.ToZohoName()}).",
                $"{path}.comparator", ("api_name", field.ApiName), ("comparator", comparatorText), ("supported", Supported(supported)));
        }

        var value = obj.Get("value", out _)
            ?? throw BulkReadErrors.Error(Code, $"invalid criteria: the value for {field.ApiName} is missing; use {EmptyValue} to match an empty field.",
                $"{path}.value", ("api_name", field.ApiName), ("comparator", comparator.ToWireName()));
        var (values, matchesEmpty) = ReadValues(field, comparator, value, $"{path}.value");
        return new CriteriaCondition(field, comparator, values, matchesEmpty);
    }

    /// <summary>Bigin's leaf names the field in <c>api_name</c>, CRM v3+'s in <c>field.api_name</c>.</summary>
    private static (string Name, string Path) ReadFieldName(JsonObject obj, string path)
    {
        string? flat = null;
        if (obj.Get("api_name", out _) is { } flatNode)
        {
            flat = flatNode is JsonValue v && v.TryGetValue<string>(out var s) ? s
                : throw BulkReadErrors.Error(Code, $"invalid criteria: {path}.api_name must be a string.", $"{path}.api_name",
                    ("api_name", "api_name"), ("expected_data_type", "a string"));
        }

        string? nested = null;
        if (obj.Get("field", out _) is { } fieldNode)
        {
            nested = fieldNode is JsonObject fieldObj && fieldObj.Get("api_name", out _) is JsonValue v && v.TryGetValue<string>(out var s) ? s
                : throw BulkReadErrors.Error(Code, $"invalid criteria: {path}.field must be {{\"api_name\": \"…\"}}.", $"{path}.field.api_name",
                    ("api_name", "field"), ("expected_data_type", "a JSON object with a string api_name"));
        }

        if (flat is not null && nested is not null && !string.Equals(flat, nested, StringComparison.OrdinalIgnoreCase))
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.AmbiguousCriteria,
                $"ambiguous criteria at {path}: api_name {flat} and field.api_name {nested} name different fields.", path, ("api_name", flat));
        }

        return (flat, nested) switch
        {
            ({ } name, _) => (name, $"{path}.api_name"),
            (null, { } name) => (name, $"{path}.field.api_name"),
            _ => throw BulkReadErrors.Error(Code, $"invalid criteria: {path} names no field; give api_name.", $"{path}.api_name", ("api_name", "api_name")),
        };
    }

    private static JsonArray Supported(IEnumerable<Comparator> comparators) =>
        BulkReadErrors.Names(comparators.Select(c => c.ToWireName()));
}
