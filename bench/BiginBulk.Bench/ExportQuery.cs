using System.Text.Json.Nodes;

namespace BiginBulk.Bench;

/// <summary>The bulk read of scenario 4: a lookup dot field and a two-level criteria tree that every generated
/// contact matches, so the page holds min(rows, 200,000) records; BaselineSql.ExportQuery is its SQL twin.</summary>
internal static class ExportQuery
{
    public static JsonObject Build() => new()
    {
        ["module"] = "Contacts",
        ["fields"] = new JsonArray("Last_Name", "First_Name", "Email", "Phone", "Mailing_City", "Lead_Source", "Date_of_Birth", "Owner.last_name"),
        ["criteria"] = new JsonObject
        {
            ["group_operator"] = "and",
            ["group"] = new JsonArray(
                new JsonObject
                {
                    ["group_operator"] = "or",
                    ["group"] = new JsonArray(
                        Condition("Email", "contains", "@"),
                        Condition("Last_Name", "starts_with", "a")),
                },
                new JsonObject
                {
                    ["group_operator"] = "or",
                    ["group"] = new JsonArray(
                        Condition("Owner.last_name", "equal", "user"),
                        Condition("Email_Opt_Out", "equal", true)),
                }),
        },
        ["page"] = 1,
    };

    private static JsonObject Condition(string field, string comparator, JsonNode value) =>
        new() { ["api_name"] = field, ["comparator"] = comparator, ["value"] = value };
}
