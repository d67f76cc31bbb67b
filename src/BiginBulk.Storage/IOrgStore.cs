using BiginBulk.Storage.Callbacks;
using BiginBulk.Storage.Catalog;
using BiginBulk.Storage.Credits;
using BiginBulk.Storage.Files;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage;

/// <summary>
/// Everything that belongs to one org: uploaded files, jobs, results and records. An instance can only
/// ever reach its own org's data, which is how tenants stay apart by construction. Each store implements
/// it whole; its users ask for the roles they need (an endpoint for custom views takes an
/// <see cref="ICatalogStore"/>, the callback worker an <see cref="ICallbackOutbox"/>), and only code that
/// works across roles, such as a job runner, takes the whole org store.
/// </summary>
public interface IOrgStore : IFileStore, IWriteJobStore, IReadJobStore, IJobLeaseStore, IRecordStore, ICatalogStore, ICreditStore, ICallbackOutbox
{
    long OrgId { get; }
}
