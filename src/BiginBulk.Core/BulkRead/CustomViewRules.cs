using System.Text.Json.Nodes;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// What a custom view's definition must satisfy, checked the same way when a view is created and when it is
/// edited, over HTTP or with the admin tool: a saved view must always export, and must always list.
/// </summary>
public static class CustomViewRules
{
    /// <summary>Throws a Zoho error naming the culprit under <paramref name="path"/> when the criteria would not run as a bulk read's.</summary>
    public static void Validate(JsonNode? criteria, ModuleDefinition module, Func<string, ModuleDefinition?> findModule, int maxCriteria, string path = "$.criteria")
    {
        if (criteria is not null)
        {
            CriteriaParser.Parse(criteria, module, findModule, maxCriteria, path);
        }
    }
}
