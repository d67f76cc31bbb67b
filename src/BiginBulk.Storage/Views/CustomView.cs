using System.Text.Json.Nodes;

namespace BiginBulk.Storage.Views;

/// <summary>
/// A module's custom view: a name and criteria (Bigin's flat JSON shape; null matches every record). System
/// views (<c>All Contacts</c>) come with every org; administrators add their own.
/// </summary>
public sealed record CustomView(
    long Id,
    string Module,
    string Name,
    string? SystemName,
    JsonNode? Criteria,
    bool SystemDefined,
    DateTimeOffset CreatedTime);
