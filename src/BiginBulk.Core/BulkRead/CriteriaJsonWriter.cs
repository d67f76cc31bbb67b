using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// Writes a <see cref="Criteria"/> tree back as Bigin's flat criteria JSON — what a job stores, what job
/// details and callbacks echo, and what <see cref="CriteriaParser"/> reads back to the same tree. Whatever
/// shape the client sent (CRM's <c>field.api_name</c>, a lone scalar for <c>in</c>, <c>"false"</c> as a string),
/// the echo is canonical: field names in their defined casing, lower-case comparators, typed values.
/// </summary>
public static class CriteriaJsonWriter
{
    /// <summary>The flat JSON for <paramref name="criteria"/>; a fresh object the caller may store or embed.</summary>
    public static JsonObject Write(Criteria criteria) => criteria switch
    {
        // Key order follows Bigin's job-details sample: group first, then group_operator.
        CriteriaGroup group => new JsonObject
        {
            ["group"] = new JsonArray([.. group.Group.Select(c => (JsonNode?)Write(c))]),
            ["group_operator"] = group.Operator == GroupOperator.And ? "and" : "or",
        },
        CriteriaCondition condition => new JsonObject
        {
            ["api_name"] = condition.Field.ApiName,
            ["comparator"] = condition.Comparator.ToWireName(),
            ["value"] = WriteValue(condition),
        },
        _ => throw new ArgumentException($"Unknown criteria node {criteria?.GetType().Name}.", nameof(criteria)),
    };

    private static JsonNode? WriteValue(CriteriaCondition condition)
    {
        var type = condition.Field.Type;
        var values = condition.Values.Select(v => WriteScalar(type, v));
        if (ComparatorRules.TakesList(condition.Comparator) || ComparatorRules.TakesRange(condition.Comparator))
        {
            return new JsonArray([.. values, .. condition.MatchesEmpty ? [(JsonNode?)CriteriaParser.EmptyValue] : Array.Empty<JsonNode?>()]);
        }

        return condition.MatchesEmpty ? CriteriaParser.EmptyValue : values.Single();
    }

    /// <summary>Ids (lookups, bigint) are JSON strings as everywhere in Zoho: JavaScript numbers can't hold 19 digits.</summary>
    private static JsonNode? WriteScalar(FieldType type, object value) => value switch
    {
        long id when type is FieldType.BigInt or FieldType.Lookup or FieldType.OwnerLookup => id.ToString(CultureInfo.InvariantCulture),
        long number => number,
        decimal number => number,
        bool flag => flag,
        string text => text,
        _ => ValueFormatter.Format(value),
    };
}
