using BiginBulk.Core.Modules;

namespace BiginBulk.Core.Tests.Values;

/// <summary>Field definitions for parser tests that the standard modules don't have.</summary>
internal static class TestFields
{
    public static FieldDefinition Of(FieldType type, int length = 0, int decimalPlaces = 0, params string[] picklistValues) => new()
    {
        ApiName = $"Test_{type}",
        Label = $"Test {type}",
        Type = type,
        Length = length,
        DecimalPlaces = decimalPlaces,
        PicklistValues = picklistValues,
    };
}
