namespace BiginBulk.Core.Modules;

/// <summary>The fields every module has, maintained by the server rather than the client.</summary>
public static class SystemFields
{
    public const string Id = "id";
    public const string Owner = "Owner";
    public const string CreatedBy = "Created_By";
    public const string ModifiedBy = "Modified_By";
    public const string CreatedTime = "Created_Time";
    public const string ModifiedTime = "Modified_Time";

    /// <summary>The name bulk write uses for the record id in <c>find_by</c> and field mappings.</summary>
    public const string BulkWriteId = "Id";

    public static IEnumerable<FieldDefinition> For(string moduleLabel)
    {
        yield return new FieldDefinition { ApiName = Id, Label = "Record Id", Type = FieldType.BigInt, Length = 19, ReadOnly = true, Unique = true };
        yield return new FieldDefinition { ApiName = Owner, Label = $"{moduleLabel} Owner", Type = FieldType.OwnerLookup, Length = 120 };
        yield return new FieldDefinition { ApiName = CreatedBy, Label = "Created By", Type = FieldType.OwnerLookup, Length = 120, ReadOnly = true };
        yield return new FieldDefinition { ApiName = ModifiedBy, Label = "Modified By", Type = FieldType.OwnerLookup, Length = 120, ReadOnly = true };
        yield return new FieldDefinition { ApiName = CreatedTime, Label = "Created Time", Type = FieldType.DateTime, ReadOnly = true };
        yield return new FieldDefinition { ApiName = ModifiedTime, Label = "Modified Time", Type = FieldType.DateTime, ReadOnly = true };
    }
}
