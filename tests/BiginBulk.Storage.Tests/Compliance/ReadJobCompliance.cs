using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>Bulk read jobs: definition, progress, and the result zip stored with COMPLETED in one step.</summary>
public abstract class ReadJobCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_created_read_job_reads_back_its_definition_and_starts_ADDED()
    {
        var store = await NewOrgAsync();
        var definition = Definition(NewId());
        await store.CreateReadJobAsync(definition);

        var job = await store.GetReadJobAsync(definition.Id);

        Assert.NotNull(job);
        Assert.Equal(JsonSerializer.Serialize(definition, Json), JsonSerializer.Serialize(job.Definition, Json));
        Assert.True(JsonNode.DeepEquals(definition.CriteriaJson, job.Definition.CriteriaJson));
        Assert.Equal(new ReadProgress(), job.Progress);
        Assert.Null(job.Progress.CompletedTime);
        Assert.Null(await store.GetReadJobAsync(NewId()));
        Assert.Null(store.OpenReadResult(definition.Id));
        Assert.Null(store.OpenReadResult(NewId()));
    }

    [Fact]
    public async Task Read_progress_round_trips_every_field()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        await store.CreateReadJobAsync(Definition(id));
        var progress = new ReadProgress
        {
            State = BulkReadState.Failure,
            Count = 12,
            PerPage = 200_000,
            MoreRecords = true,
            ErrorCode = "INVALID_DATA",
            ErrorMessage = "the field Nope was removed — ünïcödé",
            CompletedTime = T0.AddMinutes(1),
        };

        await store.SetReadProgressAsync(id, progress);

        Assert.Equal(progress, (await store.GetReadJobAsync(id))!.Progress);
    }

    [Fact]
    public async Task Unfinished_read_jobs_are_the_ones_not_COMPLETED_or_FAILURE_oldest_first()
    {
        var store = await NewOrgAsync();
        var ids = Enumerable.Range(0, 5).Select(_ => NewId()).ToArray();
        foreach (var id in ids.Reverse())
        {
            await store.CreateReadJobAsync(Definition(id));
        }

        await store.SetReadProgressAsync(ids[1], new ReadProgress { State = BulkReadState.InProgress });
        await store.SetReadProgressAsync(ids[2], new ReadProgress { State = BulkReadState.Queued });
        await store.SetReadProgressAsync(ids[3], new ReadProgress { State = BulkReadState.Failure, ErrorCode = "X" });
        await store.CompleteReadJobAsync(ids[4], new MemoryStream([1, 2, 3]), new ReadProgress { State = BulkReadState.Completed, CompletedTime = T0 });

        Assert.Equal([ids[0], ids[1], ids[2]], await store.ListUnfinishedReadJobsAsync());
    }

    [Fact]
    public async Task Completing_a_job_stores_its_zip_and_progress_together()
    {
        var store = await NewOrgAsync();
        var id = NewId();
        await store.CreateReadJobAsync(Definition(id));
        var zip = RandomBytes(3 * 1024 * 1024 + 5, seed: 7);
        var progress = new ReadProgress { State = BulkReadState.Completed, Count = 200_000, PerPage = 200_000, MoreRecords = true, CompletedTime = T0.AddHours(2) };

        await store.CompleteReadJobAsync(id, new MemoryStream(zip), progress);

        Assert.Equal(progress, (await store.GetReadJobAsync(id))!.Progress);
        using var result = store.OpenReadResult(id);
        Assert.NotNull(result);
        Assert.True(zip.AsSpan().SequenceEqual(ReadAll(result)), "the stored result zip differs from the one written");
        Assert.Empty(await store.ListUnfinishedReadJobsAsync());
    }

    [Fact]
    public async Task Result_zips_of_two_jobs_are_kept_apart()
    {
        var store = await NewOrgAsync();
        var first = NewId();
        var second = NewId();
        await store.CreateReadJobAsync(Definition(first));
        await store.CreateReadJobAsync(Definition(second));
        var completed = new ReadProgress { State = BulkReadState.Completed, CompletedTime = T0 };
        await store.CompleteReadJobAsync(first, new MemoryStream([1, 2, 3]), completed);
        await store.CompleteReadJobAsync(second, new MemoryStream([9, 8]), completed with { Count = 1 });

        using var a = store.OpenReadResult(first)!;
        using var b = store.OpenReadResult(second)!;
        Assert.Equal([1, 2, 3], ReadAll(a));
        Assert.Equal([9, 8], ReadAll(b));
    }

    private static BulkReadJobDefinition Definition(long id) => new()
    {
        Id = id,
        ModuleName = "Deals",
        ModuleApiName = "Pipelines",
        Fields = ["Deal_Name", "Account_Name.Account_Name", "Owner.last_name"],
        CriteriaJson = JsonNode.Parse("""
            {"group_operator":"and","group":[
              {"api_name":"Stage","comparator":"in","value":["Closed Won","${EMPTY}"]},
              {"api_name":"Amount","comparator":"greater_than","value":1000.5}]}
            """),
        CustomViewId = 5_725_767_000_000_087_181,
        Page = 3,
        FileType = BulkReadFileType.Csv,
        Callback = new CallbackTarget("https://example.com/cb", "post"),
        CreatedBy = new UserRef(AuditUser, "Ann Lee"),
        CreatedTime = T0.AddMilliseconds(5),
    };
}
