namespace BiginBulk.Core.BulkWrite;

/// <summary>A user as Zoho's <c>created_by</c> shows one: <c>{"id":"…","name":"…"}</c>.</summary>
public sealed record UserRef(long Id, string Name);
