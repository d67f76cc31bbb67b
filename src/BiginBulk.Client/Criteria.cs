using System.Globalization;
using System.Text.Json.Nodes;

namespace BiginBulk.Client;

/// <summary>
/// Bulk read criteria: conditions (<c>api_name</c>, <c>comparator</c>, <c>value</c>) combined into nested
/// <c>and</c>/<c>or</c> groups, rendered as the documented JSON.
/// </summary>
public sealed class Criteria
{
    private readonly JsonObject _json;

    private Criteria(JsonObject json) => _json = json;

    /// <summary>A condition with any of Zoho's comparators.</summary>
    /// <param name="apiName">The field, or a lookup dot field such as <c>Owner.last_name</c>.</param>
    /// <param name="comparator">e.g. <c>equal</c>, <c>in</c>, <c>between</c>, <c>starts_with</c>.</param>
    /// <param name="value">A string, number, boolean, or a list of them for <c>in</c>, <c>not_in</c>, <c>between</c>.</param>
    public static Criteria Condition(string apiName, string comparator, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiName);
        ArgumentException.ThrowIfNullOrWhiteSpace(comparator);
        ArgumentNullException.ThrowIfNull(value);
        return new Criteria(new JsonObject { ["api_name"] = apiName, ["comparator"] = comparator, ["value"] = Value(value) });
    }

    /// <summary><c>equal</c>.</summary>
    /// <param name="apiName">The field.</param>
    /// <param name="value">The value.</param>
    public static Criteria Equal(string apiName, object value) => Condition(apiName, "equal", value);

    /// <summary><c>not_equal</c>.</summary>
    /// <param name="apiName">The field.</param>
    /// <param name="value">The value.</param>
    public static Criteria NotEqual(string apiName, object value) => Condition(apiName, "not_equal", value);

    /// <summary><c>in</c>.</summary>
    /// <param name="apiName">The field.</param>
    /// <param name="values">The values.</param>
    public static Criteria In(string apiName, params object[] values) => Condition(apiName, "in", values);

    /// <summary><c>contains</c>.</summary>
    /// <param name="apiName">The field.</param>
    /// <param name="value">The text.</param>
    public static Criteria Contains(string apiName, string value) => Condition(apiName, "contains", value);

    /// <summary><c>starts_with</c>.</summary>
    /// <param name="apiName">The field.</param>
    /// <param name="value">The text.</param>
    public static Criteria StartsWith(string apiName, string value) => Condition(apiName, "starts_with", value);

    /// <summary><c>ends_with</c>.</summary>
    /// <param name="apiName">The field.</param>
    /// <param name="value">The text.</param>
    public static Criteria EndsWith(string apiName, string value) => Condition(apiName, "ends_with", value);

    /// <summary><c>greater_than</c>.</summary>
    /// <param name="apiName">The field.</param>
    /// <param name="value">The bound.</param>
    public static Criteria GreaterThan(string apiName, object value) => Condition(apiName, "greater_than", value);

    /// <summary><c>less_than</c>.</summary>
    /// <param name="apiName">The field.</param>
    /// <param name="value">The bound.</param>
    public static Criteria LessThan(string apiName, object value) => Condition(apiName, "less_than", value);

    /// <summary><c>between</c> two bounds.</summary>
    /// <param name="apiName">The field.</param>
    /// <param name="from">The lower bound.</param>
    /// <param name="to">The upper bound.</param>
    public static Criteria Between(string apiName, object from, object to) => Condition(apiName, "between", new[] { from, to });

    /// <summary>All of the criteria (<c>group_operator: and</c>).</summary>
    /// <param name="criteria">Two or more criteria; one is returned as it is.</param>
    public static Criteria And(params Criteria[] criteria) => Group("and", criteria);

    /// <summary>Any of the criteria (<c>group_operator: or</c>).</summary>
    /// <param name="criteria">Two or more criteria; one is returned as it is.</param>
    public static Criteria Or(params Criteria[] criteria) => Group("or", criteria);

    /// <summary>The criteria JSON as the bulk read API documents it.</summary>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();

    /// <inheritdoc/>
    public override string ToString() => _json.ToJsonString();

    private static Criteria Group(string op, Criteria[] criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Length == 0)
        {
            throw new ArgumentException("A group needs at least one criterion.", nameof(criteria));
        }

        if (criteria.Length == 1)
        {
            return criteria[0];
        }

        // Nested groups of the same operator flatten: (a and b) and c is one group of three.
        var members = new JsonArray();
        foreach (var c in criteria)
        {
            if (c._json["group_operator"]?.GetValue<string>() == op && c._json["group"] is JsonArray inner)
            {
                foreach (var member in inner)
                {
                    members.Add(member?.DeepClone());
                }
            }
            else
            {
                members.Add(c._json.DeepClone());
            }
        }

        return new Criteria(new JsonObject { ["group_operator"] = op, ["group"] = members });
    }

    private static JsonNode? Value(object value) => value switch
    {
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int or long or short or byte => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        float or double or decimal => JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        DateTimeOffset d => JsonValue.Create(d.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        System.Collections.IEnumerable list => new JsonArray([.. list.Cast<object>().Select(Value)]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
