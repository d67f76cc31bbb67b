using System.Collections.Concurrent;

namespace BiginBulk.Storage.Sqlite;

/// <summary>Keeps one <see cref="SqliteOrgStore"/> per org, migrating its file on first use.</summary>
public sealed class SqliteOrgStoreProvider(string dataDirectory, TimeProvider? time = null) : IOrgStoreProvider
{
    private readonly ConcurrentDictionary<long, Lazy<SqliteOrgStore>> _stores = new();

    public IOrgStore For(long orgId) =>
        _stores.GetOrAdd(orgId, id => new Lazy<SqliteOrgStore>(() => new SqliteOrgStore(dataDirectory, id, time ?? TimeProvider.System))).Value;
}
