namespace BiginBulk.Core.Modules;

/// <summary>
/// One org's modules: the seven standard ones, each extended with the custom fields the org's
/// administrators added. Everything that resolves a module or field name for a request uses the catalog
/// of the caller's org, so a custom field is usable in bulk write, bulk read and criteria at once.
/// </summary>
public sealed class ModuleCatalog
{
    public ModuleCatalog(IEnumerable<CustomField> customFields)
    {
        var byModule = customFields.GroupBy(f => f.Module, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Field).ToList(), StringComparer.Ordinal);
        All = [.. StandardModules.All.Select(m => byModule.TryGetValue(m.ApiName, out var extra) ? m.WithFields(extra) : m)];
    }

    /// <summary>The catalog of an org with no custom fields.</summary>
    public static ModuleCatalog Standard { get; } = new([]);

    public IReadOnlyList<ModuleDefinition> All { get; }

    /// <summary>Finds a module by API name or alias (<c>Deals</c> → Pipelines), case-insensitively.</summary>
    public ModuleDefinition? Find(string name) => All.FirstOrDefault(m => m.IsNamed(name));
}
