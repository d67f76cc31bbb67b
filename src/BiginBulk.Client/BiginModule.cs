namespace BiginBulk.Client;

/// <summary>A module as the modules metadata API lists it.</summary>
/// <param name="ApiName">The API name, e.g. <c>Contacts</c>.</param>
/// <param name="SingularLabel">e.g. <c>Contact</c>.</param>
/// <param name="PluralLabel">e.g. <c>Contacts</c>.</param>
public sealed record BiginModule(string ApiName, string? SingularLabel, string? PluralLabel);
