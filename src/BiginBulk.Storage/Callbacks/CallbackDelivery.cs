using BiginBulk.Storage.Jobs;

namespace BiginBulk.Storage.Callbacks;

/// <summary>A callback waiting in the outbox: the finished job it reports and where to POST it.</summary>
public sealed record CallbackDelivery(long Id, long JobId, JobKind Kind, string Url, int Attempts);
