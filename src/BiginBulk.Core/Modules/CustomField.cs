namespace BiginBulk.Core.Modules;

/// <summary>A field an administrator added to a module of one org.</summary>
public sealed record CustomField(string Module, FieldDefinition Field);
