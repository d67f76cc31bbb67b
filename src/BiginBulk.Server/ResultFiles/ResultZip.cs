using System.IO.Compression;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Storage;
using BiginBulk.Storage.Jobs;

namespace BiginBulk.Server.Files;

/// <summary>
/// Builds a write job's result download: <c>{job_id}.zip</c> holding one flat entry
/// <c>{Module}-{file name}.csv</c> (Zoho's old SDK reads the last entry and fails on directories).
/// The zip goes to a temporary file that deletes itself, so it has a length and memory stays flat.
/// </summary>
internal static class WriteResultZip
{
    public static async Task<Stream> CreateAsync(IWriteJobStore store, WriteJob job, CancellationToken cancellationToken = default)
    {
        var definition = job.Definition;
        var path = Path.Combine(Path.GetTempPath(), $"biginbulk-result-{Guid.NewGuid():N}.zip");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                var entry = archive.CreateEntry(definition.ResultFileName, CompressionLevel.Fastest);
                await using var entryStream = entry.Open();
                var echoHeaders = definition.EchoColumnIndexes.Select(i => definition.Headers[i]).ToArray();
                await using var writer = ResultCsvWriter.Create(entryStream, echoHeaders, leaveOpen: true);
                foreach (var row in store.ReadWriteResults(definition.Id))
                {
                    await writer.WriteRowAsync(row.Echo, row.Outcome, cancellationToken);
                }
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
