namespace BiginBulk.Client;

/// <summary>Marks a request body that can be read once only (a caller's non-seekable stream): never retried.</summary>
internal interface INonReplayableContent
{
}
