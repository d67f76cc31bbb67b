using BiginBulk.Core.Modules;
using BiginBulk.Storage.Views;

namespace BiginBulk.Storage.Catalog;

/// <summary>What the org's records look like and how they are filtered: its modules with their custom fields, and its custom views.</summary>
public interface ICatalogStore
{
    /// <summary>The org's modules: the standard ones with the org's custom fields.</summary>
    Task<ModuleCatalog> GetCatalogAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a custom field as a real column of the module's record table.</summary>
    Task AddCustomFieldAsync(CustomField field, CancellationToken cancellationToken = default);

    /// <summary>Drops a custom field's column; every other field of every record is kept. False when there is no such custom field.</summary>
    Task<bool> RemoveCustomFieldAsync(string module, string apiName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CustomView>> ListCustomViewsAsync(string module, CancellationToken cancellationToken = default);

    Task<CustomView?> GetCustomViewAsync(long id, CancellationToken cancellationToken = default);

    Task CreateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default);

    /// <summary>Replaces a view's name and criteria; false when no such non-system view exists.</summary>
    Task<bool> UpdateCustomViewAsync(CustomView view, CancellationToken cancellationToken = default);

    /// <summary>Deletes a view; false when no such non-system view exists (system views are never deleted).</summary>
    Task<bool> DeleteCustomViewAsync(long id, CancellationToken cancellationToken = default);
}
