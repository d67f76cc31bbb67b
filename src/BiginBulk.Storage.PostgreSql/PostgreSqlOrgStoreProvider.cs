using System.Collections.Concurrent;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>Keeps one <see cref="PostgreSqlOrgStore"/> per org, whose schema is created and migrated on its first use
/// (a failed migration is retried by the next use, since the database can be briefly unreachable).</summary>
public sealed class PostgreSqlOrgStoreProvider(string connectionString, TimeProvider? time = null) : IOrgStoreProvider
{
    private readonly ConcurrentDictionary<long, Lazy<PostgreSqlOrgStore>> _stores = new();

    public IOrgStore For(long orgId) =>
        _stores.GetOrAdd(orgId, id => new Lazy<PostgreSqlOrgStore>(() => new PostgreSqlOrgStore(connectionString, id, time ?? TimeProvider.System))).Value;
}
