using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// Raw HTTP calls to the server under test, as a Zoho API user makes them. Deliberately thin: tests assert
/// on status codes and JSON, so nothing here interprets them.
/// </summary>
public sealed class BiginClient : IDisposable
{
    private readonly ServerProcess _server;
    private readonly HttpClient _http;
    private string? _orgId;

    public BiginClient(ServerProcess server, string? accessToken = null)
    {
        _server = server;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        AccessToken = accessToken;
    }

    /// <summary>The token sent; the bootstrap administrator's when null.</summary>
    public string? AccessToken { get; set; }

    public string Token => AccessToken ?? _server.Credentials.AccessToken;

    /// <summary>The org sent as <c>X-CRM-ORG</c>: the bootstrap org unless the test names another (for another org's token).</summary>
    public string OrgId
    {
        get => _orgId ?? _server.Credentials.OrgId;
        set => _orgId = value;
    }

    public Uri Url(string pathAndQuery) => new(_server.BaseAddress, pathAndQuery);

    public async Task<Response> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, Url(pathAndQuery)) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", $"Zoho-oauthtoken {Token}");
        configure?.Invoke(request);
        using var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Response(response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentDisposition?.ToString(), bytes, response.Headers);
    }

    public Task<Response> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

    public Task<Response> PostJsonAsync(string path, string json) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<Response> PostJsonAsync(string path, JsonNode json) => PostJsonAsync(path, json.ToJsonString());

    /// <summary>Uploads a zip the way Zoho's docs show: multipart part <c>file</c>, headers <c>feature</c> and <c>X-CRM-ORG</c>.</summary>
    public Task<Response> UploadAsync(byte[] zip, string fileName = "upload.zip", string path = "/bigin/v2/upload", string? feature = "bulk-write", string? orgId = null)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "file", fileName);
        return SendAsync(HttpMethod.Post, path, content, request =>
        {
            if (feature is not null)
            {
                request.Headers.TryAddWithoutValidation("feature", feature);
            }

            request.Headers.TryAddWithoutValidation("X-CRM-ORG", orgId ?? OrgId);
        });
    }

    /// <summary>Uploads a CSV (zipped) and returns its file_id, failing the test if the upload is refused.</summary>
    public async Task<string> UploadCsvAsync(string csv, string name = "Contacts.csv")
    {
        var response = await UploadAsync(ZipFiles.WithCsv(csv, name));
        response.AssertStatus(HttpStatusCode.OK);
        return response.Json["details"]!["file_id"]!.GetValue<string>();
    }

    public async Task<string> UploadBytesAsync(byte[] csv, string name = "Contacts.csv")
    {
        var response = await UploadAsync(ZipFiles.WithEntry(name, csv));
        response.AssertStatus(HttpStatusCode.OK);
        return response.Json["details"]!["file_id"]!.GetValue<string>();
    }

    /// <summary>Creates a write job and returns its id, failing the test if it is refused.</summary>
    public async Task<string> CreateWriteJobAsync(JsonObject body, string path = "/bigin/bulk/v2/write")
    {
        var response = await PostJsonAsync(path, body);
        response.AssertStatus(HttpStatusCode.Created);
        return response.Json["details"]!["id"]!.GetValue<string>();
    }

    /// <summary>Polls job details until the job is COMPLETED or FAILED (at most 60 s).</summary>
    public async Task<JsonObject> WaitForWriteJobAsync(string jobId, string path = "/bigin/bulk/v2/write")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var response = await GetAsync($"{path}/{jobId}");
            response.AssertStatus(HttpStatusCode.OK);
            var json = response.Json.AsObject();
            var status = json["status"]!.GetValue<string>();
            if (status is "COMPLETED" or "FAILED")
            {
                return json;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {jobId} is still {status} after 60 s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Downloads a completed write job's result zip and returns its single CSV entry.</summary>
    public async Task<(string EntryName, string Csv)> DownloadWriteResultAsync(JsonObject completedJob)
    {
        var url = completedJob["result"]!["download_url"]!.GetValue<string>();
        var response = await GetAsync(new Uri(url).PathAndQuery);
        response.AssertStatus(HttpStatusCode.OK);
        var entries = ZipFiles.Read(response.Body);
        Assert.Single(entries);
        var (name, csv) = entries.Single();
        return (name, csv);
    }

    /// <summary>Upload, create, wait, download: the whole bulk write flow for a CSV with header-named fields.</summary>
    public async Task<WriteRun> RunWriteAsync(string csv, string operation = "insert", string module = "Contacts", string? findBy = null, JsonArray? mappings = null, bool? ignoreEmpty = null, string fileName = "Contacts.csv")
    {
        var fileId = await UploadCsvAsync(csv, fileName);
        var resource = new JsonObject { ["type"] = "data", ["module"] = new JsonObject { ["api_name"] = module }, ["file_id"] = fileId };
        if (findBy is not null)
        {
            resource["find_by"] = findBy;
        }

        if (mappings is not null)
        {
            resource["field_mappings"] = mappings;
        }

        var body = new JsonObject { ["operation"] = operation, ["resource"] = new JsonArray(resource) };
        if (ignoreEmpty is not null)
        {
            body["ignore_empty"] = ignoreEmpty;
        }

        var jobId = await CreateWriteJobAsync(body);
        var job = await WaitForWriteJobAsync(jobId);
        Assert.Equal("COMPLETED", job["status"]!.GetValue<string>());
        var (entry, result) = await DownloadWriteResultAsync(job);
        return new WriteRun(jobId, job, entry, ResultFile.Parse(result));
    }

    /// <summary>All records of a module (paging through), as Zoho record JSON objects.</summary>
    public async Task<List<JsonObject>> ListRecordsAsync(string module, string? fields = null)
    {
        var records = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var query = $"/bigin/v2/{module}?page={page.ToString(CultureInfo.InvariantCulture)}&per_page=200" + (fields is null ? "" : $"&fields={fields}");
            var response = await GetAsync(query);
            if (response.Status == HttpStatusCode.NoContent)
            {
                return records;
            }

            response.AssertStatus(HttpStatusCode.OK);
            records.AddRange(response.Json["data"]!.AsArray().Select(r => r!.AsObject()));
            if (!response.Json["info"]!["more_records"]!.GetValue<bool>())
            {
                return records;
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
