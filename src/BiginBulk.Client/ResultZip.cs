using System.IO.Compression;

namespace BiginBulk.Client;

/// <summary>
/// A downloaded result zip, spooled to a temp file (a zip's directory is at its end, and reading it from the
/// network would otherwise buffer the whole file in memory), exposing its single entry as a stream.
/// </summary>
internal sealed class ResultZip : IAsyncDisposable, IDisposable
{
    private readonly FileStream _file;
    private readonly ZipArchive _archive;

    private ResultZip(FileStream file, ZipArchive archive, ZipArchiveEntry entry)
    {
        _file = file;
        _archive = archive;
        Entry = entry;
    }

    public ZipArchiveEntry Entry { get; }

    public static async Task<ResultZip> SpoolAsync(Stream download, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await using (download)
            {
                await download.CopyToAsync(file, cancellationToken);
            }

            file.Position = 0;
            var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var entry = archive.Entries.FirstOrDefault(e => e.Length > 0 || !e.FullName.EndsWith('/'))
                ?? throw new BulkApiException(200, null, "The result zip holds no file.", null, null);
            return new ResultZip(file, archive, entry);
        }
        catch (InvalidDataException e)
        {
            await file.DisposeAsync();
            throw new BulkApiException("The result download is not a zip.", e);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _archive.Dispose();
        await _file.DisposeAsync();
    }

    public void Dispose()
    {
        _archive.Dispose();
        _file.Dispose();
    }
}
