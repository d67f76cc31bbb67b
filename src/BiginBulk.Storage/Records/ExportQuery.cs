using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Modules;

namespace BiginBulk.Storage.Records;

/// <summary>
/// What a bulk read exports: columns (dot fields included) of one module's records matching the criteria,
/// ordered by id so pages are stable, skipping <see cref="Offset"/> and taking at most <see cref="Limit"/>.
/// </summary>
public sealed record ExportQuery(ModuleDefinition Module, IReadOnlyList<FieldPath> Columns, Criteria? Criteria, long Offset, int Limit);
