using System.Net.Http.Headers;

namespace BiginBulk.Client;

public sealed partial class BiginClient
{
    /// <summary>
    /// Uploads a CSV file (zipped on the fly while it is sent) or a zip holding one CSV, and returns the
    /// <c>file_id</c> for a bulk write job.
    /// </summary>
    /// <param name="path">A <c>.csv</c> file, or a <c>.zip</c> sent as it is.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public Task<string> UploadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist.", path);
        }

        var name = Path.GetFileName(path);
        return path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? UploadAsync(() => new FileContent(path), name, cancellationToken)
            : UploadAsync(() => new ZipCsvContent(() => File.OpenRead(path), name), Path.ChangeExtension(name, ".zip"), cancellationToken);
    }

    /// <summary>
    /// Uploads CSV text from a stream, zipped on the fly as it is sent, and returns the <c>file_id</c>. A seekable
    /// stream is rewound for a retry; a non-seekable one is sent once, without retries.
    /// </summary>
    /// <param name="csv">The CSV text (UTF-8 is safest); it is not disposed.</param>
    /// <param name="fileName">The CSV's name inside the zip, e.g. <c>Contacts.csv</c> (the result file is named after it).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public Task<string> UploadCsvAsync(Stream csv, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var start = csv.CanSeek ? csv.Position : 0;
        Func<Stream> open = () =>
        {
            if (csv.CanSeek)
            {
                csv.Position = start;
            }

            return new NonDisposingStream(csv);
        };
        return UploadAsync(() => csv.CanSeek ? new ZipCsvContent(open, fileName) : new OneShotZipCsvContent(open, fileName),
            Path.ChangeExtension(fileName, ".zip"), cancellationToken);
    }

    private async Task<string> UploadAsync(Func<HttpContent> zip, string zipName, CancellationToken cancellationToken)
    {
        var orgId = Options.OrgId ?? throw new InvalidOperationException("Uploads need the org id: set BiginClientOptions.OrgId (X-CRM-ORG).");
        var json = await SendJsonAsync(() =>
        {
            var part = zip();
            part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            // Quoted, as Zoho's SDKs send it (MultipartFormDataContent's own overload leaves the names bare).
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{zipName}\"" };
            var form = new MultipartFormDataContent { part };
            var request = new HttpRequestMessage(HttpMethod.Post, Options.Endpoints.UploadPath("/bigin/v2/upload")) { Content = form };
            request.Headers.Add("feature", "bulk-write");
            request.Headers.Add("X-CRM-ORG", orgId);
            return request;
        }, cancellationToken);
        return json.Child("details").String("file_id")
            ?? throw new BulkApiException(200, json.String("code"), "The upload answer has no details.file_id.", null, json.GetRawText());
    }
}
