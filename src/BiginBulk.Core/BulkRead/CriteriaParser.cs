using System.Text.Json.Nodes;
using BiginBulk.Core.Json;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// Turns bulk read <c>criteria</c> JSON into a typed <see cref="Criteria"/> tree, enforcing the comparator
/// table of Bigin's create-bulk-read-job page. Accepts both leaf shapes — Bigin's flat
/// <c>{"api_name":…}</c> and CRM v3+'s <c>{"field":{"api_name":…}}</c> — and groups nested to any depth.
/// Every refusal is an HTTP 400 Zoho error whose <c>details</c> carry the <c>json_path</c> of the culprit.
/// </summary>
public static partial class CriteriaParser
{
    /// <summary>The value that stands for "the field has no value".</summary>
    public const string EmptyValue = "${EMPTY}";

    /// <summary>How deep groups may nest in one criteria tree.</summary>
    public const int MaxGroupDepth = 25;

    private const string Code = BulkReadErrorCodes.InvalidCriteria;

    /// <summary>
    /// Parses <paramref name="criteria"/> for records of <paramref name="module"/>. <paramref name="findModule"/>
    /// resolves the target of lookup dot fields; <paramref name="jsonPath"/> prefixes every error's
    /// <c>json_path</c> (e.g. <c>$.query.criteria</c>).
    /// </summary>
    public static Criteria Parse(JsonNode criteria, ModuleDefinition module, Func<string, ModuleDefinition?> findModule, int maxConditions, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(findModule);

        // Counted before anything else so an oversized tree is refused for its size, whatever else is wrong in it.
        var conditions = CountConditions(criteria);
        if (conditions > maxConditions)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.CriteriaLimitExceeded,
                $"the criteria has {BulkReadErrors.Invariant(conditions)} conditions; at most {BulkReadErrors.Invariant(maxConditions)} are allowed.",
                jsonPath, ("max_limit", maxConditions));
        }

        // Zoho's 25 conditions never need more than 24 nested groups, and each group is two JSON levels: past
        // MaxGroupDepth the echo of the query (job details, callbacks, a view listing) would pass JSON's usual
        // depth of 64 and could not be written back. Refuse it now rather than store what cannot be read back.
        var depth = GroupDepth(criteria);
        if (depth > MaxGroupDepth)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.CriteriaLimitExceeded,
                $"the criteria nests groups {BulkReadErrors.Invariant(depth)} deep; at most {BulkReadErrors.Invariant(MaxGroupDepth)} levels of group are allowed.",
                jsonPath, ("max_limit", MaxGroupDepth));
        }

        return ParseNode(criteria, module, findModule, jsonPath);
    }

    /// <summary>
    /// Both criteria must hold: how a custom view's criteria and the request's are combined ("these criteria
    /// will be appended with the existing criteria for the custom/standard view"). Null means no criteria.
    /// </summary>
    public static Criteria? And(Criteria? a, Criteria? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => new CriteriaGroup(GroupOperator.And, [a, b]),
    };

    private static int GroupDepth(JsonNode? node) =>
        node is JsonObject obj && obj.Get("group", out _) is JsonArray group
            ? 1 + group.Select(GroupDepth).DefaultIfEmpty(0).Max()
            : 0;

    private static int CountConditions(JsonNode? node) =>
        node is JsonObject obj && obj.Get("group", out _) is JsonArray group
            ? group.Sum(CountConditions)
            : 1;

    private static Criteria ParseNode(JsonNode? node, ModuleDefinition module, Func<string, ModuleDefinition?> findModule, string path)
    {
        if (node is not JsonObject obj)
        {
            throw BulkReadErrors.Error(Code, $"invalid criteria: {path} must be a JSON object.", path, ("expected_data_type", "a JSON object"));
        }

        var isGroup = obj.Has("group") || obj.Has("group_operator");
        var isCondition = obj.Has("api_name") || obj.Has("field") || obj.Has("comparator") || obj.Has("value");
        if (isGroup && isCondition)
        {
            throw BulkReadErrors.Error(BulkReadErrorCodes.AmbiguousCriteria,
                $"ambiguous criteria at {path}: give either group and group_operator, or api_name, comparator and value.", path);
        }

        if (isGroup)
        {
            return ParseGroup(obj, module, findModule, path);
        }

        if (isCondition)
        {
            return ParseCondition(obj, module, findModule, path);
        }

        throw BulkReadErrors.Error(Code,
            $"invalid criteria at {path}: give either group and group_operator, or api_name, comparator and value.", path);
    }

    private static CriteriaGroup ParseGroup(JsonObject obj, ModuleDefinition module, Func<string, ModuleDefinition?> findModule, string path)
    {
        // Zoho's page only asks for an array; its own callback sample has a one-element group, so one is enough.
        if (obj.Get("group", out _) is not JsonArray { Count: > 0 } group)
        {
            throw BulkReadErrors.Error(Code, $"invalid criteria: {path}.group must be a non-empty JSON array of criteria.", $"{path}.group",
                ("api_name", "group"), ("expected_data_type", "a JSON array"));
        }

        var op = obj.Get("group_operator", out _) switch
        {
            null => throw BulkReadErrors.Error(Code, $"invalid criteria: {path}.group_operator is missing.", $"{path}.group_operator",
                ("api_name", "group_operator"), ("supported", BulkReadErrors.Names(["and", "or"]))),
            JsonValue v when v.TryGetValue<string>(out var s) && string.Equals(s, "and", StringComparison.OrdinalIgnoreCase) => GroupOperator.And,
            JsonValue v when v.TryGetValue<string>(out var s) && string.Equals(s, "or", StringComparison.OrdinalIgnoreCase) => GroupOperator.Or,
            var other => throw BulkReadErrors.Error(Code, $"invalid group_operator {ZohoJson.Show(other)}: supported values are and, or.", $"{path}.group_operator",
                ("api_name", "group_operator"), ("supported", BulkReadErrors.Names(["and", "or"]))),
        };

        var children = new List<Criteria>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            children.Add(ParseNode(group[i], module, findModule, $"{path}.group[{BulkReadErrors.Invariant(i)}]"));
        }

        return new CriteriaGroup(op, children);
    }
}
