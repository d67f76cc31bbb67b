namespace BiginBulk.Client;

/// <summary>A field as the fields metadata API lists it.</summary>
/// <param name="ApiName">The API name, e.g. <c>Last_Name</c>.</param>
/// <param name="Label">The label shown to users.</param>
/// <param name="DataType">Zoho's <c>data_type</c>: <c>text</c>, <c>email</c>, <c>lookup</c>, …</param>
/// <param name="Mandatory">True when a record needs it.</param>
/// <param name="ReadOnly">True when imports cannot set it.</param>
/// <param name="Custom">True for a custom field.</param>
public sealed record BiginField(string ApiName, string? Label, string? DataType, bool Mandatory, bool ReadOnly, bool Custom);
