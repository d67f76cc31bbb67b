namespace BiginBulk.Core.Modules;

/// <summary>A CRM module (Contacts, Accounts, ...) and its fields, system fields included.</summary>
public sealed class ModuleDefinition
{
    private readonly Dictionary<string, FieldDefinition> _fieldsByName;

    public ModuleDefinition(
        string apiName,
        string singularLabel,
        string pluralLabel,
        string displayField,
        string scopeToken,
        long id,
        IEnumerable<FieldDefinition> fields,
        IEnumerable<string>? aliases = null)
    {
        ApiName = apiName;
        SingularLabel = singularLabel;
        PluralLabel = pluralLabel;
        DisplayField = displayField;
        ScopeToken = scopeToken;
        Id = id;
        Fields = [.. fields];
        Aliases = [.. aliases ?? []];
        _fieldsByName = Fields.ToDictionary(f => f.ApiName, StringComparer.OrdinalIgnoreCase);
        if (!_fieldsByName.ContainsKey(displayField))
        {
            throw new ArgumentException($"Display field {displayField} is not a field of {apiName}.", nameof(displayField));
        }
    }

    /// <summary>The API name, e.g. <c>Contacts</c>; Bigin calls Accounts "Companies" and Pipelines "Deals" in places.</summary>
    public string ApiName { get; }

    public string SingularLabel { get; }

    public string PluralLabel { get; }

    /// <summary>The field a lookup by name matches (<c>Account_Name.Account_Name</c>), e.g. Accounts.Account_Name.</summary>
    public string DisplayField { get; }

    /// <summary>The module's token in OAuth scopes: <c>ZohoBigin.modules.{token}.CREATE</c>.</summary>
    public string ScopeToken { get; }

    /// <summary>A stable numeric id, as Zoho's modules metadata gives one.</summary>
    public long Id { get; }

    /// <summary>Other names the module answers to (Pipelines is also <c>Deals</c>).</summary>
    public IReadOnlyList<string> Aliases { get; }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Fields a bulk write may set: everything that is not system-maintained.</summary>
    public IEnumerable<FieldDefinition> WritableFields => Fields.Where(f => !f.ReadOnly);

    public IEnumerable<FieldDefinition> MandatoryFields => Fields.Where(f => f.Mandatory);

    public IEnumerable<FieldDefinition> UniqueFields => Fields.Where(f => f.Unique);

    /// <summary>This module with <paramref name="customFields"/> added after its own fields.</summary>
    public ModuleDefinition WithFields(IEnumerable<FieldDefinition> customFields) =>
        new(ApiName, SingularLabel, PluralLabel, DisplayField, ScopeToken, Id, [.. Fields, .. customFields], Aliases);

    public FieldDefinition? FindField(string apiName) =>
        _fieldsByName.GetValueOrDefault(apiName);

    /// <summary>Whether <paramref name="name"/> names this module (API name or alias, case-insensitive).</summary>
    public bool IsNamed(string name) =>
        string.Equals(ApiName, name, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => ApiName;
}
