using BiginBulk.Core.Errors;

namespace BiginBulk.Server.Http;

/// <summary>
/// The last line of defence: a <see cref="ZohoErrorException"/> becomes its error, a malformed HTTP request
/// a 400, and anything unexpected Zoho's 500 <c>INTERNAL_ERROR</c> envelope (logged), never an HTML page.
/// </summary>
internal sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ZohoErrorException ex) when (!context.Response.HasStarted)
        {
            await ex.Error.ToResult().ExecuteAsync(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var error = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new ZohoError(413, "FILE_TOO_LARGE", "The request body is larger than this server accepts.")
                : new ZohoError(400, "INVALID_REQUEST", ex.Message);
            await error.ToResult().ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            LogUnhandled(logger, context.Request.Method, context.Request.Path, ex);
            await ZohoErrors.InternalError().ToResult().ExecuteAsync(context);
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
