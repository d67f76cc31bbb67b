using BiginBulk.Core.Modules;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Storage.Records;

/// <summary>Reading the org's records: a page or one record for the record routes, a stream for a bulk read's export. (Writing them goes through <see cref="Jobs.IWriteJobStore.BeginWriteChunkAsync"/>.)</summary>
public interface IRecordStore
{
    Task<RecordPage> ListRecordsAsync(ModuleDefinition module, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The display value (e.g. Account_Name) of each of the given records that exists.</summary>
    Task<IReadOnlyDictionary<long, string?>> GetDisplayValuesAsync(ModuleDefinition module, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, object?>?> GetRecordAsync(ModuleDefinition module, long id, CancellationToken cancellationToken = default);

    /// <summary>Copies the org's users into the org's store, for dot fields such as <c>Owner.last_name</c>.</summary>
    Task SyncUsersAsync(IReadOnlyList<User> users, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the records a bulk read exports; each row holds the typed values of the query's columns
    /// followed by the record id. Also says whether more records match past the page.
    /// </summary>
    IAsyncEnumerable<object?[]> ExportAsync(ExportQuery query, CancellationToken cancellationToken = default);

    /// <summary>True when at least one record matching the query lies past <c>Offset + Limit</c>.</summary>
    Task<bool> HasRecordsBeyondAsync(ExportQuery query, CancellationToken cancellationToken = default);
}
