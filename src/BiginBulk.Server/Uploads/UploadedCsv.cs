using System.Text.Json.Nodes;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Csv;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Uploads;
using BiginBulk.Server.Options;
using BiginBulk.Server.Persistence;
using BiginBulk.Storage;
using BiginBulk.Storage.Files;

namespace BiginBulk.Server.Uploads;

/// <summary>Reads the CSV inside a stored upload: its header at job creation, its rows in the worker.</summary>
internal static class UploadedCsv
{
    public static bool IsKnownEncoding(string name) => CsvEncodingDetector.TryGetEncoding(name, out _);

    /// <summary>The header of an uploaded file of this org, or null when the org has no such file. A file
    /// whose header cannot be used is refused with <c>FILE_NOT_SUPPORTED</c> and the reason.</summary>
    public static async Task<CsvFileHeader?> ReadHeaderAsync(IFileStore store, long fileId, string? encoding, LimitsOptions limits, CancellationToken cancellationToken)
    {
        var file = await store.GetFileAsync(fileId, cancellationToken);
        if (file is null)
        {
            return null;
        }

        await using var zip = store.OpenFileContent(fileId);
        await using var entry = await ZipCsvEntry.OpenAsync(zip, ToZipLimits(limits), cancellationToken: cancellationToken);
        CsvHeader header;
        try
        {
            // A bigger cap than MaxColumns here, so a wide file gets HEADER_LIMIT_EXCEEDED rather than a parse refusal.
            header = await CsvHeaderReader.ReadHeaderAsync(entry.Stream, encoding, int.MaxValue, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw NotSupported(ex.Message);
        }

        if (!header.IsValid)
        {
            throw header.Problem == CsvHeaderProblem.TooLong
                ? new ZohoErrorException(new ZohoError(400, "HEADER_LIMIT_EXCEEDED", $"{header.Message} At most {limits.MaxColumns} columns are allowed.",
                    new JsonObject { ["max_limit"] = limits.MaxColumns, ["json_path"] = "$.resource[0].file_id" }))
                : NotSupported(header.Message);
        }

        return new CsvFileHeader(file.CsvName, header.Columns);
    }

    /// <summary>Opens the rows of a job's file. Throws <see cref="UploadedCsvException"/> when it cannot.</summary>
    public static async Task<UploadedCsvRows> OpenRowsAsync(IFileStore store, BulkWriteJobDefinition job, LimitsOptions limits, CancellationToken cancellationToken)
    {
        Stream? zip = null;
        ZipCsvEntry? entry = null;
        try
        {
            zip = store.OpenFileContent(job.FileId);
            entry = await ZipCsvEntry.OpenAsync(zip, ToZipLimits(limits), cancellationToken: cancellationToken);
            var reader = await CsvRowReader.OpenAsync(entry.Stream, new CsvReaderOptions { CharacterEncoding = job.RequestedEncoding, LeaveOpen = true }, cancellationToken);
            if (!reader.Headers.SequenceEqual(job.Headers, StringComparer.Ordinal))
            {
                await reader.DisposeAsync();
                throw new UploadedCsvException("The uploaded file's header no longer matches the one read when the job was created.");
            }

            return new UploadedCsvRows(zip, entry, reader);
        }
        // A transient database error is not the file's fault: it goes up to the worker, which tries again.
        catch (Exception ex) when ((ex is InvalidDataException or IOException or System.Data.Common.DbException) && !TransientFailure.IsTransient(ex))
        {
            if (entry is not null)
            {
                await entry.DisposeAsync();
            }

            if (zip is not null)
            {
                await zip.DisposeAsync();
            }

            throw new UploadedCsvException($"The uploaded file {job.FileId} cannot be read: {ex.Message}", ex);
        }
    }

    private static ZipLimits ToZipLimits(LimitsOptions limits) => new()
    {
        MaxZipBytes = limits.MaxUploadBytes,
        MaxUncompressedBytes = limits.MaxUncompressedBytes,
        MaxCompressionRatio = limits.MaxCompressionRatio,
    };

    private static ZohoErrorException NotSupported(string message) =>
        new(new ZohoError(400, "FILE_NOT_SUPPORTED", message, new JsonObject { ["json_path"] = "$.resource[0].file_id" }));
}
