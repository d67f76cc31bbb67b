using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkRead;

/// <summary>Resolves bulk read field names, dot fields included, against a module.</summary>
public static class FieldPathResolver
{
    /// <summary>The path for <paramref name="name"/>, or null when the module has no such field.</summary>
    public static FieldPath? Resolve(ModuleDefinition module, string name, Func<string, ModuleDefinition?> findModule)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            var field = module.FindField(name);
            return field is null ? null : new FieldPath { ApiName = field.ApiName, Field = field };
        }

        var lookup = module.FindField(name[..dot]);
        var rest = name[(dot + 1)..];
        if (lookup is null || rest.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        if (lookup.Type == FieldType.OwnerLookup)
        {
            var attribute = UserAttributes.Find(rest);
            return attribute is null ? null : new FieldPath { ApiName = $"{lookup.ApiName}.{attribute}", Field = lookup, UserAttribute = attribute };
        }

        if (lookup.Type == FieldType.Lookup && findModule(lookup.LookupModule!) is { } target && target.FindField(rest) is { } targetField)
        {
            return new FieldPath { ApiName = $"{lookup.ApiName}.{targetField.ApiName}", Field = lookup, TargetField = targetField, TargetModule = target };
        }

        return null;
    }
}
