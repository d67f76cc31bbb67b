namespace BiginBulk.Client;

public sealed partial class BiginClient
{
    /// <summary>Creates a bulk write job over an uploaded file.</summary>
    /// <param name="request">Module, file id, operation and mappings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<BulkWriteOperation> StartBulkWriteAsync(BulkWriteRequest request, CancellationToken cancellationToken = default) =>
        StartBulkWriteAsync(request, 0, cancellationToken);

    internal async Task<BulkWriteOperation> StartBulkWriteAsync(BulkWriteRequest request, long rowOffset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = await SendJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Post, Options.Endpoints.ApiPath("/bigin/bulk/v2/write")) { Content = Json(request.ToJson()) },
            cancellationToken);
        var id = json.Child("details").String("id")
            ?? throw new BulkApiException(201, json.String("code"), "The create-job answer has no details.id.", null, json.GetRawText());
        return new BulkWriteOperation(id, this, rowOffset);
    }
}
