namespace BiginBulk.Core.BulkWrite;

/// <summary>Who writes a record and when: fills Created_/Modified_By and _Time.</summary>
public readonly record struct RecordAudit(long UserId, DateTimeOffset Time);
