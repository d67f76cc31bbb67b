using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sylvan.Data.Csv;

namespace BiginBulk.Client;

/// <summary>
/// A bulk read job (one page of an export): poll it, wait for it, open its file, or stream the records of this
/// page and every later one (each later page is a new job, created when the one before says <c>more_records</c>).
/// Construct one with a job id to re-attach to a job started elsewhere.
/// </summary>
public sealed class BulkReadOperation
{
    private readonly BiginClient _client;
    private JsonElement _details;

    /// <summary>Re-attaches to an existing bulk read job.</summary>
    /// <param name="id">The job id.</param>
    /// <param name="client">The client to poll it with.</param>
    public BulkReadOperation(string id, BiginClient client)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(client);
        Id = id;
        _client = client;
    }

    /// <summary>The job id.</summary>
    public string Id { get; }

    /// <summary>The job's state as the last poll saw it, or null before the first poll.</summary>
    public BulkReadJobStatus? Status { get; private set; }

    /// <summary>True once a poll has seen the job completed or failed.</summary>
    public bool HasCompleted => Status?.HasCompleted == true;

    /// <summary>Polls the job once.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<BulkReadJobStatus> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        var json = await _client.SendJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, JobUri()), cancellationToken);
        var data = json.Child("data");
        _details = data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0 ? data[0].Clone() : default;
        var result = _details.Child("result");
        var error = result.Child("error_message");
        Status = new BulkReadJobStatus
        {
            Id = _details.String("id") ?? Id,
            State = _details.String("state") ?? "UNKNOWN",
            Page = result.Int("page") is var page and > 0 ? page : _details.Child("query").Int("page"),
            Count = result.Int("count"),
            MoreRecords = result.Bool("more_records"),
            FileType = _details.String("file_type") ?? "csv",
            ErrorCode = error.String("code"),
            ErrorMessage = error.String("message"),
        };
        return Status;
    }

    /// <summary>Polls until the job has completed, reporting each state seen.</summary>
    /// <param name="progress">Receives every polled state, or null.</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running on the server).</param>
    /// <exception cref="BulkApiException">The job failed, or a call failed.</exception>
    public async Task<BulkReadJobStatus> WaitForCompletionAsync(IProgress<BulkReadJobStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var status = await UpdateStatusAsync(cancellationToken);
            progress?.Report(status);
            if (status.State == "FAILURE")
            {
                throw new BulkApiException(200, status.ErrorCode ?? "JOB_FAILED", $"Bulk read job {Id} failed: {status.ErrorMessage}", null, _details.GetRawText());
            }

            if (status.HasCompleted)
            {
                return status;
            }

            await Task.Delay(_client.Options.PollInterval, _client.Options.TimeProvider, cancellationToken);
        }
    }

    /// <summary>Waits for this page and opens its file (<c>{job_id}.csv</c> or <c>{job_id}.ics</c>).</summary>
    /// <param name="cancellationToken">Cancels the download.</param>
    public async Task<Stream> OpenResultAsync(CancellationToken cancellationToken = default)
    {
        if (Status?.State != "COMPLETED")
        {
            await WaitForCompletionAsync(null, cancellationToken);
        }

        var zip = await ResultZip.SpoolAsync(await _client.DownloadAsync(new Uri(JobUri() + "/result"), Id, cancellationToken), cancellationToken);
        return new OwnedStream(zip.Entry.Open(), zip);
    }

    /// <summary>Starts the job for the next page, or returns null when this page was the last.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<BulkReadOperation?> StartNextPageAsync(CancellationToken cancellationToken = default)
    {
        var status = Status?.State == "COMPLETED" ? Status : await WaitForCompletionAsync(null, cancellationToken);
        if (!status.MoreRecords)
        {
            return null;
        }

        // The job details echo the query: the next page is the same query with page + 1.
        var query = JsonNode.Parse(_details.Child("query").GetRawText())!.AsObject();
        query["page"] = status.Page + 1;
        var body = new JsonObject { ["query"] = query };
        if (!string.Equals(status.FileType, "csv", StringComparison.OrdinalIgnoreCase))
        {
            body["file_type"] = status.FileType;
        }

        return await _client.StartBulkReadAsync(body, cancellationToken);
    }

    /// <summary>Writes this page's file and every later page's into one: CSV with one header, or one calendar.</summary>
    /// <param name="destination">Receives the merged file (UTF-8).</param>
    /// <param name="progress">Receives every page's final state, or null.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of records written.</returns>
    public async Task<long> DownloadAllPagesAsync(Stream destination, IProgress<BulkReadJobStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var writer = new StreamWriter(destination, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\r\n" };
        await using (writer)
        {
            var merger = new ExportMerger(writer);
            long records = 0;
            for (BulkReadOperation? page = this; page is not null; page = await page.StartNextPageAsync(cancellationToken))
            {
                var status = await page.WaitForCompletionAsync(null, cancellationToken);
                await using (var file = await page.OpenResultAsync(cancellationToken))
                {
                    using var reader = new StreamReader(file, Encoding.UTF8);
                    await merger.AppendAsync(reader, status.FileType == "ics", cancellationToken);
                }

                records += status.Count;
                progress?.Report(status);
            }

            await merger.FinishAsync(cancellationToken);
            return records;
        }
    }

    /// <summary>The records of this page and every later one, as field → value maps (CSV columns, or ICS properties).</summary>
    /// <param name="cancellationToken">Cancels the export.</param>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, string>> GetRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (BulkReadOperation? page = this; page is not null; page = await page.StartNextPageAsync(cancellationToken))
        {
            var status = await page.WaitForCompletionAsync(null, cancellationToken);
            await using var file = await page.OpenResultAsync(cancellationToken);
            using var text = new StreamReader(file, Encoding.UTF8);
            if (status.FileType == "ics")
            {
                await foreach (var e in IcsEvents.ReadAsync(text, cancellationToken))
                {
                    yield return e;
                }

                continue;
            }

            await using var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { Delimiter = ',' }, cancellationToken);
            while (await csv.ReadAsync(cancellationToken))
            {
                var record = new Dictionary<string, string>(csv.FieldCount, StringComparer.Ordinal);
                for (var i = 0; i < csv.FieldCount; i++)
                {
                    record[csv.GetName(i)] = csv.GetString(i);
                }

                yield return record;
            }
        }
    }

    private string JobUri() => _client.Options.Endpoints.ApiPath("/bigin/bulk/v2/read/" + Uri.EscapeDataString(Id)).ToString();
}
