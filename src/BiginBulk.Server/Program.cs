using BiginBulk.Core.Ids;
using BiginBulk.Server.Admin;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Bootstrap;
using BiginBulk.Server.Callbacks;
using BiginBulk.Server.Endpoints;
using BiginBulk.Server.Http;
using BiginBulk.Server.Jobs;
using BiginBulk.Server.Options;
using BiginBulk.Server.Persistence;
using BiginBulk.Server.Workers;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using Microsoft.Extensions.Options;

// Settings ship next to the binary; relative paths in them (DataDirectory) resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

if (!await StartupSettings.ReportAsync(builder.Configuration))
{
    return StartupSettings.InvalidSettingsExitCode;
}

if (ListenAddresses.NoneConfigured(builder.Configuration))
{
    builder.WebHost.UseUrls(ListenAddresses.Default);
}

builder.Services.AddOptions<BiginBulkOptions>().Bind(builder.Configuration.GetSection(BiginBulkOptions.Section)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<BiginBulkOptions>, BiginBulkOptionsValidator>();
builder.Services.PostConfigure<BiginBulkOptions>(o => o.DataDirectory = Path.GetFullPath(o.DataDirectory));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => new IdGenerator(sp.GetRequiredService<IOptions<BiginBulkOptions>>().Value.NodeId));
builder.Services.AddBiginBulkStorage(builder.Configuration);
builder.Services.AddSingleton<TokenService>();
builder.Services.AddSingleton<AuthFailureThrottle>();
builder.Services.AddSingleton<Bootstrapper>();
builder.Services.AddSingleton<PublicUrls>();
builder.Services.AddSingleton<JsonBodyReader>();
builder.Services.AddSingleton<CallbackUrlGuard>();
builder.Services.AddSingleton<CallbackSender>();
builder.Services.AddSingleton<JobSignal>();
builder.Services.AddSingleton<JobAdmission>();
builder.Services.AddSingleton<DownloadRateLimiter>();
builder.Services.AddSingleton<BulkWriteJobRunner>();
builder.Services.AddSingleton<BulkReadJobRunner>();
builder.Services.AddSingleton<WorkerIdentity>();
builder.Services.AddHostedService<BulkJobWorker>();
builder.Services.AddHostedService<CallbackDeliveryWorker>();
builder.Services.AddBiginBulkHealthChecks();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    // Raised so RequestSizeGuardMiddleware, not Kestrel, answers the usual 8 KiB / 32 KiB limits: with a body.
    kestrel.Limits.MaxRequestLineSize = RequestSizeGuardMiddleware.KestrelRequestLineLimit;
    kestrel.Limits.MaxRequestHeadersTotalSize = RequestSizeGuardMiddleware.KestrelHeadersLimit;
});

var admin = args.Length > 0 && args[0] == "admin";
if (admin)
{
    // The admin tool prints JSON on stdout; keep the host's logging off it.
    builder.Logging.ClearProviders();
}

var app = builder.Build();

if (!admin)
{
    StartupLog.Write(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BiginBulk.Server.Startup"), app.Configuration,
        app.Services.GetRequiredService<IOptions<BiginBulkOptions>>().Value);
}

await app.Services.GetRequiredService<Bootstrapper>().RunAsync();
if (admin)
{
    return await AdminCli.RunAsync(args[1..], app.Services);
}

app.UseMiddleware<ErrorHandlingMiddleware>();
app.UseMiddleware<RequestSizeGuardMiddleware>();
app.UseRouting();
app.UseMiddleware<UnmatchedRouteMiddleware>();
app.UseMiddleware<ZohoAuthMiddleware>();

app.MapHealthEndpoints();
app.MapTokenEndpoints();
app.MapUploadEndpoints();
app.MapBulkWriteEndpoints();
app.MapBulkReadEndpoints();
app.MapRecordEndpoints();
app.MapCustomViewEndpoints();
app.MapMetadataEndpoints();
app.MapCustomFieldEndpoints();
app.MapCallbackStatusEndpoints();
app.MapUserEndpoints();
app.MapOrgEndpoints();
app.MapUserInfoEndpoints();
app.MapSearchEndpoints();

await app.RunAsync();
return 0;
