using System.Text.Json.Nodes;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Ids;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Callbacks;
using BiginBulk.Server.Uploads;
using BiginBulk.Server.Http;
using BiginBulk.Server.Jobs;
using BiginBulk.Server.Json;
using BiginBulk.Server.Options;
using BiginBulk.Server.ResultFiles;
using BiginBulk.Storage;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// Create bulk write job, get its details, download its result: on Bigin's routes and on the CRM family
/// (<c>/crm/bulk/v2…v8/write</c>) that Zoho's official SDKs call.
/// </summary>
internal static class BulkWriteEndpoints
{
    private static readonly string[] DetailScopes = Scopes.BulkWriteAny;

    public static void MapBulkWriteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/bigin/bulk/v2/write", (HttpContext http, AuthContext auth, [AsParameters] Services services) =>
            CreateAsync(http, auth, services, ApiFamily.Bigin(2))).RequireZohoAuth();
        app.MapGet("/bigin/bulk/v2/write/{jobId}", (HttpContext http, AuthContext auth, string jobId, [AsParameters] Services services) =>
            GetAsync(http, auth, jobId, services, ApiFamily.Bigin(2))).RequireZohoAuth();

        app.MapPost("/crm/bulk/{version:regex(^v[2-8]$)}/write", (HttpContext http, AuthContext auth, string version, [AsParameters] Services services) =>
            CreateAsync(http, auth, services, Crm(version))).RequireZohoAuth();
        app.MapGet("/crm/bulk/{version:regex(^v[2-8]$)}/write/{jobId}", (HttpContext http, AuthContext auth, string version, string jobId, [AsParameters] Services services) =>
            GetAsync(http, auth, jobId, services, Crm(version))).RequireZohoAuth();

        app.MapGet("/v2/bigin/{orgId}/bulk-write/{jobId}/{fileName}", DownloadAsync).RequireZohoAuth();
    }

    private static ApiFamily Crm(string version) => ApiFamily.TryParseCrm(version, out var family) ? family : ApiFamily.Bigin(2);

    private static async Task<IResult> CreateAsync(HttpContext http, AuthContext auth, Services services, ApiFamily family)
    {
        if (!auth.HasAnyScope(Scopes.BulkWriteAny))
        {
            return ZohoErrors.ScopeMismatch(Scopes.BulkCreate).ToResult();
        }

        if (!Profiles.MayRunBulkJobs(auth.Profile))
        {
            return ZohoErrors.AuthorizationFailed("create").ToResult();
        }

        var body = await services.Json.ReadAsync(http.Request);
        var store = services.Stores.For(auth.OrgId);
        var catalog = await store.GetCatalogAsync(http.RequestAborted);
        var limits = services.Options.Value.Limits;
        var context = new BulkWriteRequestContext
        {
            JobId = services.Ids.Next(),
            CreatedBy = new UserRef(auth.UserId, auth.UserName),
            CreatedTime = services.Time.GetUtcNow(),
            FindModule = catalog.Find,
            ReadHeader = (fileId, encoding, ct) => UploadedCsv.ReadHeaderAsync(store, fileId, encoding, limits, ct),
            CheckCallbackUrl = services.CallbackGuard.CheckAsync,
            IsKnownEncoding = UploadedCsv.IsKnownEncoding,
            MaxColumns = limits.MaxColumns,
        };
        var definition = await BulkWriteRequestParser.ParseAsync(body, context, http.RequestAborted);

        var module = catalog.Find(definition.ModuleApiName)!;
        if (!auth.HasAnyScope(Scopes.ForModule(module, "CREATE")))
        {
            return ZohoErrors.ScopeMismatch(Scopes.RequiredForModule(module, "CREATE")).ToResult();
        }

        definition = definition with { Route = family.RouteName };
        if (await services.Admission.CreateWriteJobAsync(http, store, definition) is { } refusal)
        {
            return refusal;
        }

        return new ZohoJsonResult(201, new JsonObject
        {
            ["status"] = "success",
            ["code"] = "SUCCESS",
            ["message"] = "success",
            ["details"] = new JsonObject
            {
                ["id"] = ZohoIds.Format(definition.Id),
                ["created_by"] = new JsonObject { ["id"] = ZohoIds.Format(auth.UserId), ["name"] = auth.UserName },
            },
        });
    }

    private static async Task<IResult> GetAsync(HttpContext http, AuthContext auth, string jobId, Services services, ApiFamily family)
    {
        if (!auth.HasAnyScope(DetailScopes))
        {
            return ZohoErrors.ScopeMismatch(Scopes.BulkCreate).ToResult();
        }

        if (!Profiles.MayRunBulkJobs(auth.Profile))
        {
            return ZohoErrors.AuthorizationFailed("read").ToResult();
        }

        var store = services.Stores.For(auth.OrgId);
        var job = ZohoIds.TryParse(jobId, out var id) ? await store.GetWriteJobAsync(id, http.RequestAborted) : null;
        if (job is null)
        {
            return ZohoErrors.ResourceNotFound().ToResult();
        }

        var downloadUrl = $"{services.Urls.BaseUrl(http.Request)}/v2/bigin/{ZohoIds.Format(auth.OrgId)}/bulk-write/{jobId}/{jobId}.zip";
        return new ZohoJsonResult(200, BulkWriteJobJson.Render(job, family, downloadUrl));
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, AuthContext auth, string orgId, string jobId, string fileName, [AsParameters] Services services)
    {
        if (!auth.HasAnyScope(DetailScopes))
        {
            return ZohoErrors.ScopeMismatch(Scopes.BulkCreate).ToResult();
        }

        if (!Profiles.MayRunBulkJobs(auth.Profile))
        {
            return ZohoErrors.AuthorizationFailed("read").ToResult();
        }

        // Another org's URL answers exactly like a missing one: nothing tells the caller it exists.
        if (!ZohoIds.TryParse(orgId, out var org) || org != auth.OrgId
            || !ZohoIds.TryParse(jobId, out var id) || fileName != $"{jobId}.zip")
        {
            return ZohoErrors.ResourceNotFound().ToResult();
        }

        var store = services.Stores.For(auth.OrgId);
        var job = await store.GetWriteJobAsync(id, http.RequestAborted);
        if (job is null || job.Progress.Status != BulkWriteStatus.Completed)
        {
            return ZohoErrors.ResourceNotFound().ToResult();
        }

        var zip = await ResultZip.ForWriteJobAsync(store, job, http.RequestAborted);
        return new ResultDownload(zip, "application/zip", $"{jobId}.zip");
    }

    /// <summary>The services these handlers share, injected as one parameter.</summary>
    internal sealed record Services(
        IOrgStoreProvider Stores,
        IdGenerator Ids,
        TimeProvider Time,
        JsonBodyReader Json,
        CallbackUrlGuard CallbackGuard,
        PublicUrls Urls,
        JobAdmission Admission,
        IOptions<BiginBulkOptions> Options);
}
