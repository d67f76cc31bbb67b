using System.Collections.Concurrent;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>Keeps one <see cref="PostgreSqlOrgStore"/> per org, creating and migrating its schema on first use.</summary>
public sealed class PostgreSqlOrgStoreProvider(string connectionString, TimeProvider? time = null) : IOrgStoreProvider
{
    private readonly ConcurrentDictionary<long, Lazy<PostgreSqlOrgStore>> _stores = new();

    public IOrgStore For(long orgId)
    {
        var store = _stores.GetOrAdd(orgId, id => new Lazy<PostgreSqlOrgStore>(() => new PostgreSqlOrgStore(connectionString, id, time ?? TimeProvider.System)));
        try
        {
            return store.Value;
        }
        catch
        {
            // Unlike a local file, the database can be briefly unreachable: forget the failed attempt so the
            // next request tries again instead of replaying the cached exception forever.
            _stores.TryRemove(new KeyValuePair<long, Lazy<PostgreSqlOrgStore>>(orgId, store));
            throw;
        }
    }
}
