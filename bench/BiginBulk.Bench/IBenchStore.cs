namespace BiginBulk.Bench;

/// <summary>One store under test: how a fresh server is pointed at it, and the database's own tools as baselines.</summary>
internal interface IBenchStore
{
    string Name { get; }

    string LoaderName { get; }

    string ExportName { get; }

    /// <summary>Configuration for a server on a fresh, empty store of this kind.</summary>
    Task<IReadOnlyDictionary<string, string>> CreateServerStoreAsync(string name, CancellationToken cancellationToken);

    /// <summary>Fresh baseline tables for one run (the CSV's columns, the unique email index).</summary>
    Task PrepareAsync(int run, DataSet data, CancellationToken cancellationToken);

    Task<TimeSpan> LoadAsync(string table, DataFile file, CancellationToken cancellationToken);

    Task<TimeSpan> ExportAsync(int limit, CancellationToken cancellationToken);

    Task<TimeSpan> LookupInsertAsync(DataFile file, CancellationToken cancellationToken);

    /// <summary>Other loaders measured on the insert file (pgloader); name → time, or a note why not.</summary>
    Task<IReadOnlyList<(string Name, TimeSpan? Time, string? Note)>> ExtraLoadersAsync(DataFile file, CancellationToken cancellationToken);

    Task<long> CountAsync(string table, CancellationToken cancellationToken);
}
