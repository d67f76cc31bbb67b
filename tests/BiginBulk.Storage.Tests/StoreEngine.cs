using BiginBulk.Storage.Auth;

namespace BiginBulk.Storage.Tests;

/// <summary>
/// One database engine under test: makes a fresh <see cref="ISystemStore"/> and <see cref="IOrgStoreProvider"/>
/// over data of its own. Used as a class fixture, so each compliance class gets a fresh database; tests inside a
/// class stay apart by using orgs of their own (<see cref="StoreComplianceTests.NewOrgAsync"/>).
/// </summary>
public abstract class StoreEngine : IAsyncLifetime
{
    private ISystemStore? _system;
    private IOrgStoreProvider? _orgs;

    public ISystemStore System => _system ?? throw new InvalidOperationException("The engine is not initialized.");

    public IOrgStoreProvider Orgs => _orgs ?? throw new InvalidOperationException("The engine is not initialized.");

    /// <summary>A new system store over this engine's data (schema creation is done by <see cref="ISystemStore.InitializeAsync"/>).</summary>
    public abstract ISystemStore CreateSystemStore();

    /// <summary>A new provider over this engine's data: a second one models another process (the admin tool).</summary>
    public abstract IOrgStoreProvider CreateOrgStoreProvider();

    /// <summary>Creates the engine's empty data (a temp directory, a database); fails loudly when it cannot.</summary>
    protected abstract ValueTask CreateDataAsync();

    /// <summary>Removes what <see cref="CreateDataAsync"/> made.</summary>
    protected abstract ValueTask DeleteDataAsync();

    public async ValueTask InitializeAsync()
    {
        await CreateDataAsync();
        _system = CreateSystemStore();
        await _system.InitializeAsync();
        _orgs = CreateOrgStoreProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await DeleteDataAsync();
        GC.SuppressFinalize(this);
    }
}
