using System.Text.Json.Nodes;

namespace BiginBulk.Client;

public sealed partial class BiginClient
{
    /// <summary>Creates a bulk read job (the query's first page).</summary>
    /// <param name="query">Module, fields, criteria, custom view and file type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<BulkReadOperation> StartBulkReadAsync(BulkReadQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StartBulkReadAsync(query.ToJson(), cancellationToken);
    }

    internal async Task<BulkReadOperation> StartBulkReadAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var text = body.ToJsonString();
        var json = await SendJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Post, Options.Endpoints.ApiPath("/bigin/bulk/v2/read"))
            {
                Content = new StringContent(text, System.Text.Encoding.UTF8, "application/json"),
            },
            cancellationToken);
        var data = json.Child("data");
        var id = data.ValueKind == System.Text.Json.JsonValueKind.Array && data.GetArrayLength() > 0 ? data[0].Child("details").String("id") : null;
        return new BulkReadOperation(id ?? throw new BulkApiException(201, null, "The create-job answer has no data[0].details.id.", null, json.GetRawText()), this);
    }
}
