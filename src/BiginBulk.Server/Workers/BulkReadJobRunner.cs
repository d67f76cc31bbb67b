using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Modules;
using BiginBulk.Server.Options;
using BiginBulk.Server.Persistence;
using BiginBulk.Server.ResultFiles;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Catalog;
using BiginBulk.Storage.Jobs;
using BiginBulk.Storage.Records;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Workers;

/// <summary>
/// Runs one bulk read job: compiles its query (the custom view's criteria ANDed with the request's), streams
/// the page's records into a zip (<c>{job_id}.csv</c> or <c>.ics</c>) in a self-deleting temporary file, and
/// stores the zip and the COMPLETED state in one transaction. An export has no side effects, so a job
/// interrupted by a crash simply runs again from the start.
/// </summary>
internal sealed partial class BulkReadJobRunner(
    IOrgDirectory system,
    TimeProvider time,
    IOptions<BiginBulkOptions> options,
    ILogger<BulkReadJobRunner> logger)
{
    private static readonly string[] IcsColumns = ["Event_Title", "Start_DateTime", "End_DateTime", "All_day", "Venue", "Description"];

    public async Task RunAsync(IOrgStore store, long jobId, Func<JobLease> lease, CancellationToken cancellationToken)
    {
        var job = await store.GetReadJobAsync(jobId, cancellationToken);
        if (job is null || BulkReadState.IsFinished(job.Progress.State))
        {
            return;
        }

        await store.SetReadProgressAsync(jobId, job.Progress with { State = BulkReadState.InProgress }, cancellationToken);
        try
        {
            await ExportAsync(store, job.Definition, lease, cancellationToken);
        }
        catch (ZohoErrorException ex)
        {
            // The query was valid when the job was created but no longer is (a view or field went away).
            await FailAsync(store, job, ex.Error.Code, ex.Error.Message, cancellationToken);
        }
        // A transient database error goes up to the worker, which runs the export again.
        catch (Exception ex) when ((ex is InvalidDataException or IOException or System.Data.Common.DbException) && !TransientFailure.IsTransient(ex))
        {
            LogExportFailed(logger, jobId, ex);
            await FailAsync(store, job, "INTERNAL_SERVER_ERROR", "Internal server error occurred.", cancellationToken);
        }
    }

    private async Task ExportAsync(IOrgStore store, BulkReadJobDefinition definition, Func<JobLease> lease, CancellationToken cancellationToken)
    {
        var limits = options.Value.Limits;
        var catalog = await store.GetCatalogAsync(cancellationToken);
        var module = catalog.Find(definition.ModuleApiName)
            ?? throw new ZohoErrorException(new ZohoError(400, "MODULE_NOT_AVAILABLE", $"Requested module '{definition.ModuleName}' is not available."));
        var criteria = await BuildCriteriaAsync(store, definition, module, catalog, limits.MaxCriteria, cancellationToken);
        var ics = definition.FileType == BulkReadFileType.Ics;
        var names = ics ? IcsColumns : definition.Fields.Count > 0 ? definition.Fields : module.Fields.Where(f => f.ApiName != SystemFields.Id).Select(f => f.ApiName);
        var columns = names.Select(n => FieldPathResolver.Resolve(module, n, catalog.Find)
            ?? throw new ZohoErrorException(new ZohoError(400, "FIELD_NOT_AVAILABLE", $"The field {n} is not available."))).ToList();
        var perPage = ics ? limits.MaxIcsEvents : limits.ReadPageSize;
        var query = new ExportQuery(module, columns, criteria, (long)(definition.Page - 1) * perPage, perPage);

        await store.SyncUsersAsync(await system.ListUsersAsync(store.OrgId, cancellationToken), cancellationToken);
        // A long export renews its lease as it goes, so no other node takes the job over meanwhile.
        async Task RenewAsync()
        {
            if (!await store.RenewJobLeaseAsync(JobKind.Read, definition.Id, lease(), cancellationToken))
            {
                throw new LeaseLostException($"Read job {definition.Id} is no longer leased to this worker.");
            }
        }

        var (file, count) = await ResultZip.CreateAsync($"{definition.Id}.{(ics ? "ics" : "csv")}", (entry, ct) => ics
            ? WriteIcsAsync(store, query, entry, RenewAsync, ct)
            : WriteCsvAsync(store, query, entry, RenewAsync, ct), cancellationToken);
        await using var zip = file;
        var more = await store.HasRecordsBeyondAsync(query, cancellationToken);
        await store.CompleteReadJobAsync(definition.Id, zip, new ReadProgress
        {
            State = BulkReadState.Completed,
            Count = count,
            PerPage = perPage,
            MoreRecords = more,
            CompletedTime = time.GetUtcNow(),
        }, cancellationToken);
        LogExported(logger, definition.Id, count, more);
    }

    private static async Task<Criteria?> BuildCriteriaAsync(ICatalogStore store, BulkReadJobDefinition definition, ModuleDefinition module, ModuleCatalog catalog, int maxCriteria, CancellationToken cancellationToken)
    {
        Criteria? viewCriteria = null;
        if (definition.CustomViewId is { } cvid)
        {
            var view = await store.GetCustomViewAsync(cvid, cancellationToken)
                ?? throw new ZohoErrorException(new ZohoError(400, "INVALID_REQUEST", $"The custom view {cvid} no longer exists."));
            viewCriteria = view.Criteria is null ? null : CriteriaParser.Parse(view.Criteria, module, catalog.Find, int.MaxValue, "$.cvid");
        }

        var requested = definition.CriteriaJson is null ? null : CriteriaParser.Parse(definition.CriteriaJson, module, catalog.Find, maxCriteria, "$.query.criteria");
        return CriteriaParser.And(viewCriteria, requested);
    }

    private const int RowsPerLeaseRenewal = 10_000;

    private static async Task<int> WriteCsvAsync(IRecordStore store, ExportQuery query, Stream output, Func<Task> renew, CancellationToken cancellationToken)
    {
        await using var writer = new ExportCsvWriter(output, [.. query.Columns.Select(c => c.ApiName)]);
        await foreach (var row in store.ExportAsync(query, cancellationToken))
        {
            await writer.WriteRowAsync(row, cancellationToken);
            if (writer.RowsWritten % RowsPerLeaseRenewal == 0)
            {
                await renew();
            }
        }

        return writer.RowsWritten;
    }

    private static async Task<int> WriteIcsAsync(IRecordStore store, ExportQuery query, Stream output, Func<Task> renew, CancellationToken cancellationToken)
    {
        var writer = new IcsExportWriter();
        await foreach (var row in store.ExportAsync(query, cancellationToken))
        {
            if (writer.EventsWritten > 0 && writer.EventsWritten % RowsPerLeaseRenewal == 0)
            {
                await renew();
            }

            writer.Add((long)row[6]!, row[0] as string, row[1] as DateTimeOffset?, row[2] as DateTimeOffset?, row[3] is true, row[4] as string, row[5] as string);
        }

        await writer.WriteToAsync(output, cancellationToken);
        return writer.EventsWritten;
    }

    /// <summary>Fails a job that cannot be run (the worker gave up on it).</summary>
    public async Task MarkFailedAsync(IReadJobStore store, long jobId, string reason, CancellationToken cancellationToken)
    {
        var job = await store.GetReadJobAsync(jobId, cancellationToken);
        if (job is null || BulkReadState.IsFinished(job.Progress.State))
        {
            return;
        }

        await FailAsync(store, job, "INTERNAL_SERVER_ERROR", reason, cancellationToken);
    }

    private async Task FailAsync(IReadJobStore store, ReadJob job, string code, string message, CancellationToken cancellationToken)
    {
        LogJobFailed(logger, job.Definition.Id, code, message);
        await store.SetReadProgressAsync(job.Definition.Id, job.Progress with
        {
            State = BulkReadState.Failure,
            ErrorCode = code,
            ErrorMessage = message,
            CompletedTime = time.GetUtcNow(),
        }, cancellationToken);
    }

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "Bulk read job {JobId} exported {Count} records (more: {More})")]
    private static partial void LogExported(ILogger logger, long jobId, int count, bool more);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Bulk read job {JobId} failed: {Code} {Reason}")]
    private static partial void LogJobFailed(ILogger logger, long jobId, string code, string reason);

    [LoggerMessage(EventId = 212, Level = LogLevel.Error, Message = "Bulk read job {JobId} could not be exported")]
    private static partial void LogExportFailed(ILogger logger, long jobId, Exception exception);
}
