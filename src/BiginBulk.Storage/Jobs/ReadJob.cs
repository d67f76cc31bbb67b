using BiginBulk.Core.BulkRead;

namespace BiginBulk.Storage.Jobs;

/// <summary>A stored bulk read job: the immutable definition and its progress.</summary>
public sealed record ReadJob(BulkReadJobDefinition Definition, ReadProgress Progress);
