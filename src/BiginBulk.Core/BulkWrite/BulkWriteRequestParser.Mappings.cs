using System.Text.Json.Nodes;
using BiginBulk.Core.Json;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.BulkWrite;

public static partial class BulkWriteRequestParser
{
    /// <summary>
    /// Without <c>field_mappings</c> the header row names the fields: <c>Last_Name</c>, or for lookups
    /// <c>Account_Name.id</c> (by id) and <c>Account_Name.Account_Name</c> (by the looked-up field).
    /// </summary>
    private static List<FieldMapping> MapFromHeader(CsvFileHeader header, ModuleDefinition module, Func<string, ModuleDefinition?> findModule, int maxColumns)
    {
        var mappings = new List<FieldMapping>(header.Headers.Count);
        for (var index = 0; index < header.Headers.Count; index++)
        {
            var name = header.Headers[index];
            var jsonPath = $"$.resource[0].file_id(header column {Invariant(index)})";
            string apiName = name;
            string? findBy = null;
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                apiName = name[..dot];
                findBy = name[(dot + 1)..];
            }

            mappings.Add(Validate(new FieldMapping { ApiName = apiName, Index = index, FindBy = findBy }, module, findModule, jsonPath, formatPath: jsonPath, name));
        }

        CheckCount(mappings, maxColumns);
        CheckDuplicates(mappings, "$.resource[0].file_id");
        return mappings;
    }

    private static List<FieldMapping> ParseMappings(JsonArray array, CsvFileHeader header, ModuleDefinition module, Func<string, ModuleDefinition?> findModule, int maxColumns, string path)
    {
        var mappings = new List<FieldMapping>(array.Count);
        if (array.Count > maxColumns)
        {
            throw Error("HEADER_LIMIT_EXCEEDED", $"{Invariant(array.Count)} fields are mapped; at most {Invariant(maxColumns)} are allowed.", path, ("max_limit", maxColumns));
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{Invariant(i)}]";
            if (array[i] is not JsonObject item)
            {
                throw JsonReading.WrongType(itemPath, "a JSON object");
            }

            var apiName = item.RequiredString("api_name", itemPath);
            var index = item.OptionalInt("index", itemPath);
            var defaultValue = ParseDefaultValue(item, itemPath);
            if (index is null && defaultValue is null)
            {
                throw Error("MISSING_REQUIRED_KEY", $"required key index for field {apiName} is not found in request body.", $"{itemPath}.index", ("api_name", apiName));
            }

            if (index is { } column && (column < 0 || column >= header.Headers.Count))
            {
                throw Error("COLUMN_INDEX_NOT_FOUND",
                    $"index {Invariant(column)} for field {apiName} is not a column of the file, which has {Invariant(header.Headers.Count)} columns (0 to {Invariant(header.Headers.Count - 1)}).",
                    $"{itemPath}.index", ("api_name", apiName), ("index", column));
            }

            var mapping = new FieldMapping
            {
                ApiName = apiName,
                Index = index,
                Format = item.OptionalString("format", itemPath),
                FindBy = item.OptionalString("find_by", itemPath),
                DefaultValue = defaultValue,
            };
            mappings.Add(Validate(mapping, module, findModule, $"{itemPath}.api_name", $"{itemPath}.format", apiName));
        }

        CheckDuplicates(mappings, path);
        return mappings;
    }

    /// <summary><c>default_value</c> is <c>{"value": …}</c> in Bigin's docs; Zoho's old SDK sends a flat value.</summary>
    private static string? ParseDefaultValue(JsonObject item, string itemPath)
    {
        var node = item.Get("default_value", out _);
        var (path, expected) = ($"{itemPath}.default_value", "{\"value\": …} or a plain value");
        if (node is JsonObject obj)
        {
            node = obj.Get("value", out _);
            (path, expected) = ($"{path}.value", "a string, number or boolean");
        }

        return node switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var s) => s,
            JsonValue value => value.ToJsonString(),
            _ => throw JsonReading.WrongType(path, expected),
        };
    }

    private static FieldMapping Validate(FieldMapping mapping, ModuleDefinition module, Func<string, ModuleDefinition?> findModule, string jsonPath, string formatPath, string shownName)
    {
        if (string.Equals(mapping.ApiName, SystemFields.BulkWriteId, StringComparison.OrdinalIgnoreCase))
        {
            return mapping with { ApiName = SystemFields.BulkWriteId, FindBy = null };
        }

        var field = module.FindField(mapping.ApiName);
        if (field is null || field.ReadOnly)
        {
            throw Error("INVALID_FIELD",
                field is null ? $"invalid mapping. invalid api_name {shownName}." : $"invalid mapping. {shownName} is set by the system and cannot be imported.",
                jsonPath, ("api_name", shownName));
        }

        mapping = mapping with { ApiName = field.ApiName };
        if (mapping.FindBy is { } findBy)
        {
            mapping = mapping with { FindBy = ValidateLookupFindBy(field, findModule, findBy, jsonPath, shownName) };
        }

        if (mapping.Format is { } format)
        {
            if (field.Type is not (FieldType.Date or FieldType.DateTime))
            {
                throw Error("INVALID_FORMAT", $"format is only allowed for date and datetime fields; {field.ApiName} is {field.Type.ToZohoName()}.", formatPath, ("api_name", field.ApiName));
            }

            if (!DateFormat.TryConvertJavaPattern(format, out _, out var problem))
            {
                throw Error("INVALID_FORMAT", $"invalid format '{format}' for {field.ApiName}: {problem}", formatPath, ("api_name", field.ApiName));
            }
        }

        return mapping;
    }

    private static string ValidateLookupFindBy(FieldDefinition field, Func<string, ModuleDefinition?> findModule, string findBy, string jsonPath, string shownName)
    {
        if (string.Equals(findBy, "id", StringComparison.OrdinalIgnoreCase))
        {
            return "id";
        }

        if (field.Type == FieldType.OwnerLookup && string.Equals(findBy, "email", StringComparison.OrdinalIgnoreCase))
        {
            return "email";
        }

        if (field.Type == FieldType.Lookup && field.LookupModule is { } target
            && findModule(target)?.FindField(findBy) is { ReadOnly: false } or { ApiName: "Full_Name" })
        {
            return findModule(target)!.FindField(findBy)!.ApiName;
        }

        throw Error("INVALID_FIELD",
            field.Type.IsLookup()
                ? $"invalid mapping. {shownName}: find_by {findBy} is not a field the {field.ApiName} lookup can match."
                : $"invalid mapping. {shownName}: find_by is only allowed for lookup fields.",
            jsonPath, ("api_name", shownName));
    }

    private static void CheckCount(List<FieldMapping> mappings, int maxColumns)
    {
        if (mappings.Count > maxColumns)
        {
            throw Error("HEADER_LIMIT_EXCEEDED", $"{Invariant(mappings.Count)} fields are mapped; at most {Invariant(maxColumns)} are allowed.", "$.resource[0]", ("max_limit", maxColumns));
        }
    }

    private static void CheckDuplicates(List<FieldMapping> mappings, string path)
    {
        var twice = mappings.GroupBy(m => m.ApiName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw Error("INVALID_FIELD", $"invalid mapping. {twice.Key} is mapped more than once.", path, ("api_name", twice.Key));
        }
    }

    private static void CheckMandatoryMapped(BulkWriteOperation operation, ModuleDefinition module, List<FieldMapping> mappings, string? findBy, string path)
    {
        var mapped = mappings.Select(m => m.ApiName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (findBy is not null && !mappings.Any(m => string.Equals(m.ApiName, findBy, StringComparison.OrdinalIgnoreCase) && m.Index is not null))
        {
            throw Error("MANDATORY_FIELDS_NOT_MAPPED", $"the find_by field {findBy} is not mapped to a column of the file.", $"{path}.find_by",
                ("api_names", new JsonArray(findBy)));
        }

        if (operation == BulkWriteOperation.Update)
        {
            return;
        }

        var missing = module.MandatoryFields.Where(f => !mapped.Contains(f.ApiName)).Select(f => (JsonNode?)f.ApiName).ToArray();
        if (missing.Length > 0)
        {
            throw Error("MANDATORY_FIELDS_NOT_MAPPED", "All mandatory fields are not mapped for the layout", $"{path}.field_mappings",
                ("api_names", new JsonArray(missing)));
        }
    }
}
