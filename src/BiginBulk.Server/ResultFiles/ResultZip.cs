using System.IO.Compression;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Server.ResultFiles;

/// <summary>
/// Builds every job's result zip: one flat entry (Zoho's old SDK reads the last entry and fails on directories),
/// written into a temporary file that deletes itself when closed, so the zip has a length and memory stays flat
/// however many rows it holds. A write job's is built at download from its stored result lines; a read job's by
/// the worker, which stores it with the finished state.
/// </summary>
internal static class ResultZip
{
    /// <summary>A write job's download: <c>{job_id}.zip</c> holding <c>{Module}-{file name}.csv</c>, the
    /// file's echoed columns and each row's outcome.</summary>
    public static async Task<Stream> ForWriteJobAsync(IWriteJobStore store, WriteJob job, CancellationToken cancellationToken = default)
    {
        var definition = job.Definition;
        var (zip, _) = await CreateAsync(definition.ResultFileName, async (entry, ct) =>
        {
            var echoHeaders = definition.EchoColumnIndexes.Select(i => definition.Headers[i]).ToArray();
            await using var writer = ResultCsvWriter.Create(entry, echoHeaders, leaveOpen: true);
            foreach (var row in store.ReadWriteResults(definition.Id))
            {
                await writer.WriteRowAsync(row.Echo, row.Outcome, ct);
            }

            return 0;
        }, cancellationToken);
        return zip;
    }

    /// <summary>A zip of one entry named <paramref name="entryName"/>, written by <paramref name="writeEntry"/>,
    /// positioned at its start; the caller disposes it (which deletes the file). Also what the writer returned.</summary>
    public static async Task<(Stream Zip, T Written)> CreateAsync<T>(string entryName, Func<Stream, CancellationToken, Task<T>> writeEntry, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"biginbulk-result-{Guid.NewGuid():N}.zip");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            T written;
            await using (var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                var entry = archive.CreateEntry(entryName, CompressionLevel.Fastest);
                await using var entryStream = await entry.OpenAsync(cancellationToken);
                written = await writeEntry(entryStream, cancellationToken);
            }

            file.Position = 0;
            return (file, written);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
