using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Ids;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Callbacks;
using BiginBulk.Server.Http;
using BiginBulk.Server.Jobs;
using BiginBulk.Server.Json;
using BiginBulk.Server.Options;
using BiginBulk.Server.ResultFiles;
using BiginBulk.Storage;
using BiginBulk.Storage.Jobs;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// Bulk read: create a job, get its details, download its result, on Bigin's v1 and v2 routes and on the
/// CRM family (<c>/crm/bulk/v2…v8/read</c>) that Zoho's official SDKs call.
/// </summary>
internal static class BulkReadEndpoints
{
    public static void MapBulkReadEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var version in new[] { 1, 2 })
        {
            var family = ApiFamily.Bigin(version);
            var prefix = $"/bigin/bulk/v{version}/read";
            app.MapPost(prefix, (HttpContext http, AuthContext auth, [AsParameters] Services services) =>
                CreateAsync(http, auth, services, family)).RequireZohoAuth();
            app.MapGet(prefix + "/{jobId}", (HttpContext http, AuthContext auth, string jobId, [AsParameters] Services services) =>
                GetAsync(http, auth, jobId, services, family, prefix)).RequireZohoAuth();
            app.MapGet(prefix + "/{jobId}/result", (HttpContext http, AuthContext auth, string jobId, [AsParameters] Services services) =>
                DownloadAsync(http, auth, jobId, services, family)).RequireZohoAuth();
        }

        const string crm = "/crm/bulk/{version:regex(^v[2-8]$)}/read";
        app.MapPost(crm, (HttpContext http, AuthContext auth, string version, [AsParameters] Services services) =>
            CreateAsync(http, auth, services, Crm(version))).RequireZohoAuth();
        app.MapGet(crm + "/{jobId}", (HttpContext http, AuthContext auth, string version, string jobId, [AsParameters] Services services) =>
            GetAsync(http, auth, jobId, services, Crm(version), $"/crm/bulk/{version}/read")).RequireZohoAuth();
        app.MapGet(crm + "/{jobId}/result", (HttpContext http, AuthContext auth, string version, string jobId, [AsParameters] Services services) =>
            DownloadAsync(http, auth, jobId, services, Crm(version))).RequireZohoAuth();
    }

    private static ApiFamily Crm(string version) => ApiFamily.TryParseCrm(version, out var family) ? family : ApiFamily.Bigin(2);

    private static async Task<IResult> CreateAsync(HttpContext http, AuthContext auth, Services services, ApiFamily family)
    {
        if (!CanUseBulkRead(auth, family, module: null))
        {
            return ZohoErrors.ScopeMismatch(BulkScope(family)).ToResult();
        }

        if (!Profiles.MayRunBulkJobs(auth.Profile))
        {
            return ZohoErrors.AuthorizationFailed("read").ToResult();
        }

        if (!IsJson(http.Request.ContentType))
        {
            return new ZohoError(415, "MEDIA_TYPE_NOT_SUPPORTED", "The Content-Type must be application/json.",
                new JsonObject { ["supported"] = new JsonArray("application/json") }).ToResult();
        }

        var body = await ReadBodyAsync(http.Request, services.Json);
        var store = services.Stores.For(auth.OrgId);
        var catalog = await store.GetCatalogAsync(http.RequestAborted);
        var context = new BulkReadRequestContext
        {
            JobId = services.Ids.Next(),
            CreatedBy = new UserRef(auth.UserId, auth.UserName),
            CreatedTime = services.Time.GetUtcNow(),
            FindModule = catalog.Find,
            FindViewModule = async (id, ct) => (await store.GetCustomViewAsync(id, ct))?.Module,
            CheckCallbackUrl = services.CallbackGuard.CheckAsync,
            MaxCriteria = services.Options.Value.Limits.MaxCriteria,
        };
        var definition = await BulkReadRequestParser.ParseAsync(body, context, http.RequestAborted);
        var module = catalog.Find(definition.ModuleApiName)!;
        if (!CanUseBulkRead(auth, family, module))
        {
            return ZohoErrors.ScopeMismatch(Scopes.RequiredForModule(module, "READ")).ToResult();
        }

        definition = definition with { Route = family.RouteName };
        if (await services.Admission.CreateReadJobAsync(http, store, definition) is { } refusal)
        {
            return refusal;
        }

        return new ZohoJsonResult(201, BulkReadJobJson.RenderCreated(definition));
    }

    private static async Task<IResult> GetAsync(HttpContext http, AuthContext auth, string jobId, Services services, ApiFamily family, string prefix)
    {
        var (job, refusal) = await FindJobAsync(http, auth, jobId, services, family);
        if (job is null)
        {
            return refusal!;
        }

        var id = job.Definition.Id;

        return new ZohoJsonResult(200, BulkReadJobJson.Render(job, family, $"{prefix}/{ZohoIds.Format(id)}/result"));
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, AuthContext auth, string jobId, Services services, ApiFamily family)
    {
        var (job, refusal) = await FindJobAsync(http, auth, jobId, services, family);
        if (job is null)
        {
            return refusal!;
        }

        var id = job.Definition.Id;
        if (job.Progress.State != BulkReadState.Completed)
        {
            return new ZohoError(400, "INVALID_REQUEST", $"The job's result is not available: its state is {job.Progress.State}. Download it once the state is COMPLETED.",
                new JsonObject { ["state"] = job.Progress.State }).ToResult();
        }

        if (!services.Downloads.TryAcquire(id, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            var limit = services.Options.Value.Limits.ReadDownloadsPerMinute;
            return new ZohoError(429, "TOO_MANY_REQUESTS",
                $"Only {limit.ToString(CultureInfo.InvariantCulture)} requests for download are allowed for one-minute interval.",
                new JsonObject { ["max_limit"] = limit }).ToResult();
        }

        var zip = services.Stores.For(auth.OrgId).OpenReadResult(id);
        return zip is null
            ? ZohoErrors.ResourceNotFound().ToResult()
            : new ResultDownload(zip, "application/x-download", $"{ZohoIds.Format(id)}.zip");
    }

    /// <summary>
    /// The JSON body, or null when there is none. The shared reader answers bulk write's <c>INVALID_DATA</c>,
    /// which SDK8's bulk-read exception does not list (it would not parse as an error), so bulk read says
    /// <c>REQUEST_BODY_IS_EMPTY</c> for no body and <c>INVALID_REQUEST</c> for one that is not JSON.
    /// </summary>
    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request, JsonBodyReader reader)
    {
        request.EnableBuffering();
        var probe = new byte[1];
        var read = await request.Body.ReadAsync(probe, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        if (read == 0)
        {
            return null;
        }

        try
        {
            return await reader.ReadAsync(request);
        }
        catch (ZohoErrorException ex) when (ex.Error.Code == "INVALID_DATA")
        {
            var details = ex.Error.Details.DeepClone().AsObject();
            details["json_path"] ??= "$";
            throw new ZohoErrorException(new ZohoError(ex.Error.HttpStatus, BulkReadErrorCodes.InvalidRequest, ex.Error.Message, details));
        }
    }

    /// <summary>The caller's read job, or why it may not see it (scope, profile, not found, module scope).</summary>
    private static async Task<(ReadJob? Job, IResult? Refusal)> FindJobAsync(HttpContext http, AuthContext auth, string jobId, Services services, ApiFamily family)
    {
        if (!CanUseBulkRead(auth, family, module: null))
        {
            return (null, ZohoErrors.ScopeMismatch(BulkScope(family)).ToResult());
        }

        if (!Profiles.MayRunBulkJobs(auth.Profile))
        {
            return (null, ZohoErrors.AuthorizationFailed("read").ToResult());
        }

        var store = services.Stores.For(auth.OrgId);
        var job = ZohoIds.TryParse(jobId, out var id) ? await store.GetReadJobAsync(id, http.RequestAborted) : null;
        if (job is null)
        {
            return (null, ZohoErrors.ResourceNotFound().ToResult());
        }

        if (JobModuleRefusal(auth, family, job) is { } refusal)
        {
            return (null, refusal);
        }

        return (job, null);
    }

    /// <summary>
    /// Every version needs the bulk scope and <c>ZohoBigin.modules.{module}.READ</c> or <c>.ALL</c>: Bigin's v1
    /// page lists <c>ZohoBigin.bulk.read</c> "(and)" the module scope, and its OAUTH_SCOPE_MISMATCH row names either
    /// one missing. Before the module is known (a create
    /// request not yet parsed, a job not yet loaded) a READ or ALL scope of some module stands in for it, and
    /// the check is repeated with the module itself once it is known.
    /// </summary>
    private static bool CanUseBulkRead(AuthContext auth, ApiFamily family, ModuleDefinition? module)
    {
        var bulk = auth.HasAnyScope(Scopes.BulkReadAny);
        var moduleScope = module is null
            ? auth.Scopes.Any(Scopes.IsModuleReadScope)
            : auth.HasAnyScope(Scopes.ForModule(module, "READ"));
        return bulk && moduleScope;
    }

    /// <summary>Job details and results export one module's records, so they need that module's scope too
    /// (checked after the lookup, so an unknown id still answers 404 whatever the scopes).</summary>
    private static IResult? JobModuleRefusal(AuthContext auth, ApiFamily family, ReadJob job)
    {
        var module = StandardModules.Find(job.Definition.ModuleApiName);
        return module is null || CanUseBulkRead(auth, family, module)
            ? null
            : ZohoErrors.ScopeMismatch(auth.HasAnyScope(Scopes.BulkReadAny) ? Scopes.RequiredForModule(module, "READ") : BulkScope(family)).ToResult();
    }

    private static string BulkScope(ApiFamily family) => !family.IsCrm && family.Version == 1 ? Scopes.BulkReadV1 : Scopes.BulkRead;

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    internal sealed record Services(
        IOrgStoreProvider Stores,
        IdGenerator Ids,
        TimeProvider Time,
        JsonBodyReader Json,
        CallbackUrlGuard CallbackGuard,
        DownloadRateLimiter Downloads,
        JobAdmission Admission,
        IOptions<BiginBulkOptions> Options);
}
