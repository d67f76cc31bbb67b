using System.Runtime.CompilerServices;
using System.Text.Json;
using Sylvan.Data.Csv;

namespace BiginBulk.Client;

/// <summary>
/// A bulk write job, running on the server: poll it, wait for it with progress, and read its results. Construct
/// one with a job id to re-attach to a job started elsewhere.
/// </summary>
public sealed class BulkWriteOperation
{
    private readonly BiginClient _client;

    /// <summary>Re-attaches to an existing bulk write job.</summary>
    /// <param name="id">The job id.</param>
    /// <param name="client">The client to poll it with.</param>
    public BulkWriteOperation(string id, BiginClient client)
        : this(id, client, 0)
    {
    }

    internal BulkWriteOperation(string id, BiginClient client, long rowOffset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(client);
        Id = id;
        _client = client;
        RowOffset = rowOffset;
    }

    /// <summary>The job id.</summary>
    public string Id { get; }

    /// <summary>The job's state as the last poll saw it, or null before the first poll.</summary>
    public BulkWriteJobStatus? Status { get; private set; }

    /// <summary>True once a poll has seen the job completed or failed.</summary>
    public bool HasCompleted => Status?.HasCompleted == true;

    /// <summary>Rows of the original file before this job's rows (non-zero for the later parts of a split import).</summary>
    internal long RowOffset { get; }

    /// <summary>Polls the job once.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<BulkWriteJobStatus> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        var json = await _client.SendJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Get, _client.Options.Endpoints.ApiPath("/bigin/bulk/v2/write/" + Uri.EscapeDataString(Id))),
            cancellationToken);
        Status = Parse(Id, json);
        return Status;
    }

    /// <summary>Polls until the job has completed, reporting each state seen.</summary>
    /// <param name="progress">Receives every polled state (row counts grow while the job runs), or null.</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running on the server).</param>
    /// <exception cref="BulkApiException">The job failed, or a call failed.</exception>
    public async Task<BulkWriteJobStatus> WaitForCompletionAsync(IProgress<BulkWriteJobStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var status = await UpdateStatusAsync(cancellationToken);
            progress?.Report(status);
            if (status.Status == "FAILED")
            {
                throw new BulkApiException(200, "JOB_FAILED", $"Bulk write job {Id} failed.", null, null);
            }

            if (status.HasCompleted)
            {
                return status;
            }

            await Task.Delay(_client.Options.PollInterval, _client.Options.TimeProvider, cancellationToken);
        }
    }

    /// <summary>Opens the result file (<c>{Module}-{file}.csv</c>): the first three mapped columns, then STATUS, RECORD_ID, ERRORS.</summary>
    /// <param name="cancellationToken">Cancels the download.</param>
    public async Task<Stream> OpenResultCsvAsync(CancellationToken cancellationToken = default)
    {
        var status = Status is { DownloadUrl: not null } ? Status : await UpdateStatusAsync(cancellationToken);
        var url = status.DownloadUrl ?? throw new InvalidOperationException($"Bulk write job {Id} has no result yet (status {status.Status}).");
        var zip = await ResultZip.SpoolAsync(await _client.DownloadAsync(url, Id, cancellationToken), cancellationToken);
        return new OwnedStream(zip.Entry.Open(), zip);
    }

    /// <summary>The result rows in input order, with row numbers of the input file.</summary>
    /// <param name="cancellationToken">Cancels the download.</param>
    public async IAsyncEnumerable<BulkWriteResultRow> GetResultsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var csv = await OpenResultCsvAsync(cancellationToken);
        using var text = new StreamReader(csv);
        await using var reader = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { Delimiter = ',' }, cancellationToken);
        var (statusColumn, recordColumn, errorsColumn) = (reader.GetOrdinal("STATUS"), reader.GetOrdinal("RECORD_ID"), reader.GetOrdinal("ERRORS"));
        var row = RowOffset;
        while (await reader.ReadAsync(cancellationToken))
        {
            row++;
            var recordId = reader.GetString(recordColumn);
            yield return new BulkWriteResultRow(
                row,
                reader.GetString(statusColumn) switch
                {
                    "ADDED" => BulkWriteRowStatus.Added,
                    "UPDATED" => BulkWriteRowStatus.Updated,
                    _ => BulkWriteRowStatus.Skipped,
                },
                recordId.Length == 0 ? null : recordId,
                BulkWriteRowError.Parse(reader.GetString(errorsColumn)));
        }
    }

    internal static BulkWriteJobStatus Parse(string id, JsonElement json)
    {
        var resource = json.Child("resource");
        var first = resource.ValueKind == JsonValueKind.Array && resource.GetArrayLength() > 0 ? resource[0] : default;
        var file = first.Child("file");
        var module = first.Child("module");
        var url = json.Child("result").String("download_url");
        return new BulkWriteJobStatus
        {
            Id = json.String("id") ?? id,
            Status = json.String("status") ?? "UNKNOWN",
            Operation = json.String("operation"),
            Module = module.ValueKind == JsonValueKind.Object ? module.String("api_name") : module.ValueKind == JsonValueKind.String ? module.GetString() : null,
            AddedCount = file.Int("added_count"),
            UpdatedCount = file.Int("updated_count"),
            SkippedCount = file.Int("skipped_count"),
            TotalCount = file.Int("total_count"),
            DownloadUrl = url is null ? null : new Uri(url, UriKind.Absolute),
        };
    }
}
