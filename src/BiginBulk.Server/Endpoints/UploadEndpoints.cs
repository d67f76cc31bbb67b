using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Uploads;
using BiginBulk.Core.Ids;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Uploads;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Server.Options;
using BiginBulk.Storage;
using BiginBulk.Storage.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// The upload that precedes a bulk write (notes §1): multipart part <c>file</c> holding a zip with one CSV,
/// headers <c>feature: bulk-write</c> and <c>X-CRM-ORG</c>. The zip is streamed to a temporary file under
/// the size cap, inspected (one CSV, safe name, no zip bomb) and only then stored; nothing is kept on failure.
/// </summary>
internal static class UploadEndpoints
{
    /// <summary>Room in the request body cap for the multipart framing and small parts besides the file.</summary>
    private const long MultipartOverheadBytes = 1024 * 1024;

    public static void MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/bigin/v2/upload", (HttpContext http, AuthContext auth, [AsParameters] Services services) =>
            UploadAsync(http, auth, services, legacyStatus: false)).RequireZohoAuth();
        // Bigin v1's page documents INVALID_FILE_FORMAT and FILE_TOO_LARGE with HTTP 200 (notes §1.5, §8.5).
        app.MapPost("/bigin/v1/upload", (HttpContext http, AuthContext auth, [AsParameters] Services services) =>
            UploadAsync(http, auth, services, legacyStatus: true)).RequireZohoAuth();
        // Inline route constraints take the regex as is: "[[" is not an escape there (only braces are doubled).
        app.MapPost("/crm/{version:regex(^v[2-8]$)}/upload", (HttpContext http, AuthContext auth, [AsParameters] Services services) =>
            UploadAsync(http, auth, services, legacyStatus: false)).RequireZohoAuth();
    }

    private static async Task<IResult> UploadAsync(HttpContext http, AuthContext auth, Services services, bool legacyStatus)
    {
        if (!auth.HasScope(Scopes.Files))
        {
            return ZohoErrors.ScopeMismatch(Scopes.Files).ToResult();
        }

        if (!Profiles.MayRunBulkJobs(auth.Profile))
        {
            return ZohoErrors.AuthorizationFailed("create").ToResult();
        }

        var request = http.Request;
        if (!string.Equals(request.Headers["feature"].ToString(), "bulk-write", StringComparison.OrdinalIgnoreCase)
            || !ZohoIds.TryParse(request.Headers["X-CRM-ORG"].ToString(), out var org) || org != auth.OrgId)
        {
            return HeaderError();
        }

        var limits = services.Options.Value.Limits;
        AllowBodyOf(http, limits.MaxUploadBytes);
        var part = await ReadFilePartAsync(request, limits.MaxUploadBytes, http.RequestAborted);
        await using var temp = part.Content;
        if (part.TooLarge || temp is null)
        {
            return Refuse(ZipErrorCodes.FileTooLarge, $"The maximum file size is {DescribeSize(limits.MaxUploadBytes)}.", legacyStatus);
        }

        var zipLimits = new ZipLimits
        {
            MaxZipBytes = limits.MaxUploadBytes,
            MaxUncompressedBytes = limits.MaxUncompressedBytes,
            MaxCompressionRatio = limits.MaxCompressionRatio,
        };
        var inspection = await ZipInspector.InspectAsync(temp, zipLimits, http.RequestAborted);
        if (!inspection.IsValid)
        {
            return Refuse(inspection.ErrorCode, inspection.Message, legacyStatus);
        }

        var file = new UploadedFile(services.Ids.Next(), part.FileName, inspection.CsvEntryName, temp.Length, auth.UserId, services.Time.GetUtcNow());
        temp.Position = 0;
        await services.Stores.For(auth.OrgId).SaveFileAsync(file, temp, http.RequestAborted);
        return new ZohoJsonResult(200, new JsonObject
        {
            ["status"] = "success",
            ["code"] = "FILE_UPLOAD_SUCCESS",
            ["message"] = "file uploaded.",
            ["details"] = new JsonObject
            {
                ["file_id"] = ZohoIds.Format(file.Id),
                ["created_time"] = ZohoTime.Format(file.CreatedTime),
            },
        });
    }

    /// <summary>
    /// Kestrel caps request bodies at about 28.6 MiB by default, below a raised <c>MaxUploadBytes</c>, and its
    /// refusal cuts the connection mid-upload instead of answering FILE_TOO_LARGE. So the cap for this request
    /// is raised to our limit plus room for the multipart framing, never lowered: a body a little over our
    /// limit is still read up to the limit and answered, with Kestrel draining the rest.
    /// </summary>
    private static void AllowBodyOf(HttpContext http, long maxUploadBytes)
    {
        var needed = maxUploadBytes + MultipartOverheadBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false, MaxRequestBodySize: { } cap } feature && cap < needed)
        {
            feature.MaxRequestBodySize = needed;
        }
    }

    /// <summary>Zoho says "25MB"; a limit that is not a whole number of MiB is given in KB or bytes, never as "0MB".</summary>
    private static string DescribeSize(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)}MB"),
        _ when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024}KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    /// <summary>Streams the multipart part named <c>file</c> to a self-deleting temporary file.</summary>
    private static async Task<FilePart> ReadFilePartAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw MissingFilePart("the request must be multipart/form-data with a part named file.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        FileStream? temp = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.Name.Equals("file", StringComparison.Ordinal))
                {
                    var name = disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "" : "";
                    var path = Path.Combine(Path.GetTempPath(), $"biginbulk-upload-{Guid.NewGuid():N}.zip");
                    temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                    var tooLarge = await CopyCappedAsync(section.Body, temp, maxBytes, cancellationToken);
                    temp.Position = 0;
                    return new FilePart(Path.GetFileName(name), temp, tooLarge);
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The body passed the per-request cap before the file part ended (or before it began).
            await DisposeAsync(temp);
            return new FilePart("", null, TooLarge: true);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            await DisposeAsync(temp);
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", $"the multipart body could not be read: {ex.Message}"));
        }
        catch
        {
            await DisposeAsync(temp);
            throw;
        }

        throw MissingFilePart("the multipart body has no part named file.");
    }

    private static async ValueTask DisposeAsync(FileStream? temp)
    {
        if (temp is not null)
        {
            await temp.DisposeAsync();
        }
    }

    private static async Task<bool> CopyCappedAsync(Stream source, Stream target, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return true;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return false;
    }

    private static ZohoErrorException MissingFilePart(string message) =>
        new(new ZohoError(400, "MANDATORY_NOT_FOUND", message, new JsonObject { ["api_name"] = "file" }));

    private static ZohoJsonResult Refuse(string code, string message, bool legacyStatus)
    {
        // Bigin v1 documents HTTP 200 for exactly these two refusals; everything else keeps its 4xx.
        var status = legacyStatus && code is ZipErrorCodes.InvalidFileFormat or ZipErrorCodes.FileTooLarge
            ? 200
            : code == ZipErrorCodes.FileTooLarge ? 413 : 400;
        return new ZohoJsonResult(status, new ZohoError(status, code, message).ToJson());
    }

    /// <summary>Zoho's upload gateway answers missing or wrong <c>feature</c>/<c>X-CRM-ORG</c> headers in
    /// its own shape, which SDK8's upload exception type maps (notes §1.5).</summary>
    private static ZohoJsonResult HeaderError() => new(400, new JsonObject
    {
        ["x-error"] = "check if headers [feature, X-CRM-ORG] are present and valid",
        ["info"] = "Forbidden",
        ["ERROR_CODE"] = 400,
        ["ERROR_MESSAGE"] = "Bad Request",
        ["http_status"] = "400",
    });

    /// <summary>The file part, spooled to a temporary file; <see cref="Content"/> is null only when too large.</summary>
    private sealed record FilePart(string FileName, FileStream? Content, bool TooLarge);

    internal sealed record Services(IOrgStoreProvider Stores, IdGenerator Ids, TimeProvider Time, IOptions<BiginBulkOptions> Options);
}
