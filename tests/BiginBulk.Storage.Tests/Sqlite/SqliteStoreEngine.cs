using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Tests.Sqlite;

/// <summary>The SQLite stores over a fresh temp data directory, one per test class.</summary>
public sealed class SqliteStoreEngine : StoreEngine
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "biginbulk-storage-tests", Guid.NewGuid().ToString("N"));

    public override ISystemStore CreateSystemStore() => new SqliteSystemStore(DataDirectory);

    public override IOrgStoreProvider CreateOrgStoreProvider() => new SqliteOrgStoreProvider(DataDirectory);

    protected override ValueTask CreateDataAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask DeleteDataAsync()
    {
        // Pooled connections keep the files open; let them go before the directory is removed.
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
