using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Modules;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Records;

namespace BiginBulk.Storage.Tests;

/// <summary>
/// The storage compliance suite: what <see cref="ISystemStore"/>, <see cref="IOrgStoreProvider"/>, <see cref="IOrgStore"/>,
/// <see cref="IWriteChunk"/> and <see cref="IRecordSession"/> promise, checked the same way on every engine. It is split
/// by concern into abstract classes (<c>Compliance/*Compliance.cs</c>); each engine subclasses every one of them with a
/// sealed class that only names its <see cref="StoreEngine"/> fixture (see <c>Sqlite/SqliteCompliance.cs</c>).
/// </summary>
/// <remarks>
/// <para>Both engines run: <c>Sqlite/</c> over a temp data directory per class, <c>PostgreSql/</c> over a fresh database per
/// class on the server named by <c>BIGINBULK_TEST_POSTGRES</c> (a connection string whose user may create databases).
/// Without that variable the PostgreSQL tests fail with a message saying so; they never skip.</para>
/// <para>A new engine is two files: a <see cref="StoreEngine"/> (create and drop its data, make its stores) and a copy of
/// <c>Sqlite/SqliteCompliance.cs</c> naming that engine — one line per concern.</para>
/// </remarks>
public abstract class StoreComplianceTests(StoreEngine engine)
{
    /// <summary>A whole second in UTC: every engine keeps times to the second.</summary>
    protected static readonly DateTimeOffset T0 = new(2024, 3, 5, 10, 11, 12, TimeSpan.Zero);

    /// <summary>The user the audit fields of seeded records name.</summary>
    protected const long AuditUser = 5_725_767_000_000_000_001;

    // Ids look like Zoho's 19-digit ids, so 64-bit handling is exercised everywhere. The seed differs per run so
    // an engine whose data outlives a run (a shared PostgreSQL database) never sees an id twice.
    private static long _nextId = 5_725_767_000_000_000_000 + (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 1_000_000_000_000) * 1_000;

    protected StoreEngine Engine { get; } = engine;

    protected ISystemStore System => Engine.System;

    /// <summary>A fresh id, unique within the run and larger than every id handed out before it.</summary>
    protected static long NewId() => Interlocked.Increment(ref _nextId);

    /// <summary>A new org, registered in the system store, and its store: each test works in orgs of its own.</summary>
    protected async Task<IOrgStore> NewOrgAsync()
    {
        var id = NewId();
        await System.CreateOrgAsync(new Org(id, $"Org {id}", T0));
        return Engine.Orgs.For(id);
    }

    protected static BulkWriteJobDefinition WriteJobDefinition(long id, DateTimeOffset? created = null) => new()
    {
        Id = id,
        Operation = BulkWriteOperation.Upsert,
        ModuleName = "Deals",
        ModuleApiName = "Pipelines",
        FileId = id + 1,
        FileName = "Deals.csv",
        FindBy = "Deal_Name",
        IgnoreEmpty = true,
        Mappings =
        [
            new FieldMapping { ApiName = "Deal_Name", Index = 0 },
            new FieldMapping { ApiName = "Closing_Date", Index = 1, Format = "yyyy/MM/dd" },
            new FieldMapping { ApiName = "Account_Name", Index = 2, FindBy = "Account_Name" },
            new FieldMapping { ApiName = "Stage", DefaultValue = "Qualification" },
        ],
        Headers = ["Deal", "Closing", "Company"],
        Callback = new CallbackTarget("https://example.com/callback?x=1", "post"),
        RequestedEncoding = "windows-1252",
        CreatedBy = new UserRef(AuditUser, "Ann Lee"),
        CreatedTime = created ?? T0.AddMilliseconds(123),
    };

    /// <summary>A lease of a worker of its own, from now on for an hour (chunk commits renew it from the clock).</summary>
    protected static JobLease NewLease(TimeSpan? duration = null, DateTimeOffset? now = null) =>
        new($"test-node:{Guid.NewGuid():N}", now ?? DateTimeOffset.UtcNow, duration ?? TimeSpan.FromHours(1));

    /// <summary>Creates a write job and claims it, as a worker does before it writes chunks of it.</summary>
    protected static async Task<(long JobId, JobLease Lease)> CreateClaimedWriteJobAsync(IOrgStore store)
    {
        var id = NewId();
        await store.CreateWriteJobAsync(WriteJobDefinition(id));
        var lease = NewLease();
        Assert.Equal(id, await store.ClaimNextJobAsync(JobKind.Write, lease));
        return (id, lease);
    }

    /// <summary>Runs <paramref name="write"/> in one committed chunk of a job created for it.</summary>
    protected static async Task SeedAsync(IOrgStore store, Action<IRecordSession> write)
    {
        using var chunk = await BeginChunkAsync(store);
        write(chunk.Records);
        await CommitAsync(chunk);
    }

    /// <summary>A chunk of a claimed job created for it, for tests that drive an <see cref="IRecordSession"/> directly.</summary>
    protected static async Task<IWriteChunk> BeginChunkAsync(IOrgStore store)
    {
        var (jobId, lease) = await CreateClaimedWriteJobAsync(store);
        return await store.BeginWriteChunkAsync(jobId, lease);
    }

    /// <summary>Commits a helper chunk and finishes its job, so the next claim in the org gets the next job.</summary>
    protected static Task CommitAsync(IWriteChunk chunk) =>
        chunk.CommitAsync(new BulkWriteProgress { Status = BulkWriteStatus.Completed, CheckpointRow = 1, CompletedTime = T0 });

    protected static void Insert(IRecordSession session, ModuleDefinition module, long id, params (string Field, object? Value)[] values) =>
        Insert(session, module, id, T0, values);

    protected static void Insert(IRecordSession session, ModuleDefinition module, long id, DateTimeOffset time, params (string Field, object? Value)[] values) =>
        session.Insert(module, id, Values(module, values), new RecordAudit(AuditUser, time));

    protected static Dictionary<FieldDefinition, object?> Values(ModuleDefinition module, params (string Field, object? Value)[] values) =>
        values.ToDictionary(v => Field(module, v.Field), v => v.Value);

    protected static FieldDefinition Field(ModuleDefinition module, string apiName) =>
        module.FindField(apiName) ?? throw new ArgumentException($"{module.ApiName} has no field {apiName}.", nameof(apiName));

    /// <summary>Criteria as a bulk read request would carry them, parsed against the org's catalog.</summary>
    protected static Criteria Parse(ModuleCatalog catalog, ModuleDefinition module, string criteriaJson) =>
        CriteriaParser.Parse(JsonNode.Parse(criteriaJson)!, module, catalog.Find, 25, "$.query.criteria");

    protected static IReadOnlyList<FieldPath> Columns(ModuleCatalog catalog, ModuleDefinition module, params string[] names) =>
        [.. names.Select(n => FieldPathResolver.Resolve(module, n, catalog.Find) ?? throw new ArgumentException($"No field path {n}.", nameof(names)))];

    protected static async Task<List<object?[]>> ExportRowsAsync(IOrgStore store, ExportQuery query)
    {
        var rows = new List<object?[]>();
        await foreach (var row in store.ExportAsync(query))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The ids of the records of <paramref name="module"/> the criteria select, in export order.</summary>
    protected static async Task<long[]> MatchAsync(IOrgStore store, ModuleDefinition module, string? criteriaJson, long offset = 0, int limit = 200_000)
    {
        var catalog = await store.GetCatalogAsync();
        var query = new ExportQuery(module, Columns(catalog, module, "id"), criteriaJson is null ? null : Parse(catalog, module, criteriaJson), offset, limit);
        var rows = await ExportRowsAsync(store, query);
        return [.. rows.Select(r => (long)r[^1]!)];
    }

    protected static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        // Odd-sized reads: a stream that only works for whole buffers would fail here.
        var buffer = new byte[7_919];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
