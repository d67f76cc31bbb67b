using System.IO.Compression;
using System.Net;

namespace BiginBulk.Client;

/// <summary>
/// A request body that is a zip holding one CSV, compressed while it is written to the network: the CSV is
/// never held in memory. The source is opened anew each time the body is sent, so retries re-send it.
/// </summary>
internal class ZipCsvContent(Func<Stream> open, string entryName) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = open();
        // The zip writer needs a stream it may write synchronously; the data-descriptor format needs no seeking.
        await using var archive = new ZipArchive(new NonDisposingStream(stream), ZipArchiveMode.Create, leaveOpen: true);
        var entry = archive.CreateEntry(entryName, CompressionLevel.Fastest);
        await using var target = entry.Open();
        await source.CopyToAsync(target, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
