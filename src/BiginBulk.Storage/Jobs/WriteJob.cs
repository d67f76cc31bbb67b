using BiginBulk.Core.BulkWrite;

namespace BiginBulk.Storage.Jobs;

/// <summary>A stored bulk write job: the immutable definition and its progress.</summary>
public sealed record WriteJob(BulkWriteJobDefinition Definition, BulkWriteProgress Progress);
