using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Sylvan.Data.Csv;

namespace BiginBulk.Bench;

/// <summary>The Zoho Bigin bulk API as a user drives it: upload, create, poll, download. Nothing else.</summary>
internal sealed class BulkApi(ServerHost server, TimeSpan pollInterval) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = server.BaseAddress,
        Timeout = TimeSpan.FromMinutes(60),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", server.AccessToken) },
    };

    /// <summary>Uploads <paramref name="file"/>, runs <paramref name="operation"/> on <paramref name="module"/>,
    /// downloads the result zip and counts its STATUS column.</summary>
    public async Task<WriteRun> WriteAsync(DataFile file, string module, string operation, string? findBy, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var fileId = await UploadAsync(file, cancellationToken);
        var upload = clock.Elapsed;

        clock.Restart();
        var resource = new JsonObject { ["type"] = "data", ["module"] = new JsonObject { ["api_name"] = module }, ["file_id"] = fileId };
        if (findBy is not null)
        {
            resource["find_by"] = findBy;
        }

        var created = await SendJsonAsync(HttpMethod.Post, "/bigin/bulk/v2/write", new JsonObject { ["operation"] = operation, ["resource"] = new JsonArray(resource) }, HttpStatusCode.Created, cancellationToken);
        var jobId = created["details"]!["id"]!.GetValue<string>();
        var polls = new LatencyRecorder();
        JsonNode job;
        while (true)
        {
            job = await PollAsync($"/bigin/bulk/v2/write/{jobId}", polls, cancellationToken);
            var status = job["status"]!.GetValue<string>();
            if (status == "FAILED")
            {
                throw new InvalidOperationException($"Write job {jobId} FAILED: {job.ToJsonString()}");
            }

            if (status == "COMPLETED")
            {
                break;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }

        var toCompleted = clock.Elapsed;
        clock.Restart();
        var url = job["result"]!["download_url"]!.GetValue<string>();
        var zip = await _http.GetByteArrayAsync(new Uri(url, UriKind.RelativeOrAbsolute), cancellationToken);
        var statuses = CountStatuses(zip);
        return new WriteRun(upload, toCompleted, clock.Elapsed, statuses, polls);
    }

    /// <summary>Creates a bulk read job, polls it to COMPLETED, downloads the zip; returns the time and the record count.</summary>
    public async Task<(TimeSpan Elapsed, int Records)> ReadAsync(JsonObject query, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var created = await SendJsonAsync(HttpMethod.Post, "/bigin/bulk/v2/read", new JsonObject { ["query"] = query }, HttpStatusCode.Created, cancellationToken);
        var jobId = created["data"]![0]!["details"]!["id"]!.GetValue<string>();
        var polls = new LatencyRecorder();
        while (true)
        {
            var job = await PollAsync($"/bigin/bulk/v2/read/{jobId}", polls, cancellationToken);
            var state = job["data"]![0]!["state"]!.GetValue<string>();
            if (state == "FAILURE")
            {
                throw new InvalidOperationException($"Read job {jobId} failed: {job.ToJsonString()}");
            }

            if (state == "COMPLETED")
            {
                break;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }

        var zip = await _http.GetByteArrayAsync(new Uri($"/bigin/bulk/v2/read/{jobId}/result", UriKind.Relative), cancellationToken);
        var elapsed = clock.Elapsed;
        return (elapsed, CountRecords(zip));
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> UploadAsync(DataFile file, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bigin/v2/upload");
        request.Headers.Add("feature", "bulk-write");
        request.Headers.Add("X-CRM-ORG", server.OrgId);
        await using var stream = File.OpenRead(file.ZipPath);
        var content = new MultipartFormDataContent();
        var part = new StreamContent(stream);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(part, "file", Path.GetFileName(file.ZipPath));
        request.Content = content;
        var json = await SendAsync(request, HttpStatusCode.OK, cancellationToken);
        return json["details"]!["file_id"]!.GetValue<string>();
    }

    private async Task<JsonNode> PollAsync(string path, LatencyRecorder polls, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var json = await SendAsync(request, HttpStatusCode.OK, cancellationToken);
        polls.Add(clock.Elapsed);
        return json;
    }

    private async Task<JsonNode> SendJsonAsync(HttpMethod method, string path, JsonObject body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, expected, cancellationToken);
    }

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }

        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"{request.RequestUri} answered an empty body.");
    }

    /// <summary>STATUS values of the result file; a proper CSV parse, since cells hold quoted line breaks.</summary>
    private static Dictionary<string, int> CountStatuses(byte[] zip)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = OpenSingleCsv(zip, out var archive);
        using (archive)
        {
            var status = reader.GetOrdinal("STATUS");
            var errors = reader.GetOrdinal("ERRORS");
            while (reader.Read())
            {
                var key = reader.GetString(status);
                if (key != "ADDED" && key != "UPDATED")
                {
                    // Keep the first error code in the key, so that a surprise says what went wrong.
                    key += " " + reader.GetString(errors).Split(':')[0];
                }

                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    private static int CountRecords(byte[] zip)
    {
        using var reader = OpenSingleCsv(zip, out var archive);
        using (archive)
        {
            var records = 0;
            while (reader.Read())
            {
                records++;
            }

            return records;
        }
    }

    private static CsvDataReader OpenSingleCsv(byte[] zip, out ZipArchive archive)
    {
        archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        if (archive.Entries.Count != 1)
        {
            throw new InvalidOperationException($"The result zip holds {archive.Entries.Count} entries, expected one.");
        }

        var text = new StreamReader(archive.Entries[0].Open(), Encoding.UTF8);
        return CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', BufferSize = 1 << 20 });
    }
}
