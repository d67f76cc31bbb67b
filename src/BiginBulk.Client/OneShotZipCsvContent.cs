namespace BiginBulk.Client;

/// <summary>A zip body over a non-seekable stream: the same body as <see cref="ZipCsvContent"/>, but the stream can be
/// read once only, so it is never retried.</summary>
internal sealed class OneShotZipCsvContent(Func<Stream> open, string entryName) : ZipCsvContent(open, entryName), INonReplayableContent
{
}
