using System.Net.Http.Headers;
using System.Text;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// Requests with full control over what is sent: which headers, which token (or none), the exact body
/// bytes. For the tests that check what the server does with requests the ordinary helpers never make.
/// </summary>
public static class RawRequests
{
    /// <summary>Sends <paramref name="content"/> with exactly <paramref name="headers"/> and, unless
    /// <paramref name="authorization"/> is null, that Authorization header value.</summary>
    public static Task<Response> SendRawAsync(
        this BiginClient client,
        HttpMethod method,
        string path,
        HttpContent? content,
        string? authorization,
        params (string Name, string Value)[] headers) =>
        client.SendAsync(method, path, content, request =>
        {
            request.Headers.Remove("Authorization");
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        });

    /// <summary>Uploads <paramref name="content"/> with the caller's token and exactly the given extra headers.</summary>
    public static Task<Response> UploadWithHeadersAsync(this BiginClient client, HttpContent content, string path, params (string Name, string Value)[] headers) =>
        client.SendRawAsync(HttpMethod.Post, path, content, $"Zoho-oauthtoken {client.Token}", headers);

    /// <summary>A multipart body with one part <c>file</c>, as <see cref="BiginClient.UploadAsync"/> builds it.</summary>
    public static MultipartFormDataContent FilePart(byte[] zip, string partName = "file", string fileName = "upload.zip")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, partName, fileName);
        return content;
    }

    /// <summary>A JSON body sent as raw bytes with the given Content-Type (null: none).</summary>
    public static ByteArrayContent JsonBytes(byte[] body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    public static ByteArrayContent JsonText(string body, string? contentType = "application/json") =>
        JsonBytes(new UTF8Encoding(false).GetBytes(body), contentType);
}
