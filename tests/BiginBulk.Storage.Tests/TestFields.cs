using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Tests;

/// <summary>Custom fields that, with the standard ones, give Contacts a field of every type a custom field may have.</summary>
internal static class TestFields
{
    public static FieldDefinition Custom(string apiName, FieldType type, int length = 255, int decimalPlaces = 0,
        string? lookupModule = null, bool unique = false, IReadOnlyList<string>? picklist = null) => new()
    {
        ApiName = apiName,
        Label = apiName.Replace('_', ' '),
        Type = type,
        Length = length,
        DecimalPlaces = decimalPlaces,
        LookupModule = lookupModule,
        Unique = unique,
        PicklistValues = picklist ?? [],
        CustomField = true,
    };

    public static IReadOnlyList<FieldDefinition> EveryType { get; } =
    [
        Custom("Tags", FieldType.MultiSelectPicklist, 2000, picklist: ["Red", "Green", "Blue", "Light Blue"]),
        Custom("Score", FieldType.Decimal, 16, decimalPlaces: 3),
        Custom("Budget", FieldType.Currency, 16, decimalPlaces: 2),
        Custom("Discount", FieldType.Percent, 5, decimalPlaces: 2),
        Custom("Visits", FieldType.Integer, 9),
        Custom("Last_Seen", FieldType.DateTime, 0),
        Custom("Renewal", FieldType.Date, 0),
        Custom("VIP", FieldType.Boolean, 0),
        Custom("Partner", FieldType.Lookup, 120, lookupModule: "Accounts"),
        Custom("Homepage", FieldType.Website, 255),
        Custom("Notes", FieldType.TextArea, 32000),
        Custom("Member_Code", FieldType.Text, 40, unique: true),
    ];

    /// <summary>Adds <see cref="EveryType"/> to Contacts and returns the org's Contacts module with them.</summary>
    public static async Task<ModuleDefinition> AddEveryTypeToContactsAsync(IOrgStore store)
    {
        foreach (var field in EveryType)
        {
            await store.AddCustomFieldAsync(new CustomField("Contacts", field));
        }

        return (await store.GetCatalogAsync()).Find("Contacts")!;
    }
}
