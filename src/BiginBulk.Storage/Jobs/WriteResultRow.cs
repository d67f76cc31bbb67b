using BiginBulk.Core.BulkWrite;

namespace BiginBulk.Storage.Jobs;

/// <summary>One line of a write job's result file: the echoed first cells and the row's outcome.</summary>
public sealed record WriteResultRow(RowOutcome Outcome, IReadOnlyList<string> Echo);
