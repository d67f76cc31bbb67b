using System.IO.Compression;
using System.Net;

namespace BiginBulk.Client;

/// <summary>A zip body over a non-seekable stream: it can be sent once only, so it is never retried.</summary>
internal sealed class OneShotZipCsvContent(Func<Stream> open, string entryName) : NonReplayableContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = open();
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
