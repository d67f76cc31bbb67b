namespace BiginBulk.Server.ResultFiles;

/// <summary>
/// A result zip download as Zoho's SDKs need it: an accepted Content-Type and a Content-Disposition holding
/// exactly one <c>filename="…"</c> (SDK8 takes the text after the first '=' as the name).
/// </summary>
internal sealed class ResultDownload(Stream content, string contentType, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using (content)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            if (content.CanSeek)
            {
                response.ContentLength = content.Length - content.Position;
            }

            await content.CopyToAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
