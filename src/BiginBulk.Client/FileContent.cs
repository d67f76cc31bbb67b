using System.Net;

namespace BiginBulk.Client;

/// <summary>A file sent as it is, opened anew each time the body is sent (so retries re-send it).</summary>
internal sealed class FileContent(string path) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await file.CopyToAsync(stream, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = new FileInfo(path).Length;
        return true;
    }
}
