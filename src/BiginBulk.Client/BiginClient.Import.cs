using System.Text;

namespace BiginBulk.Client;

public sealed partial class BiginClient
{
    /// <summary>
    /// Imports a whole CSV (or a zip holding one): splits it into files within Zoho's limits
    /// (<see cref="BiginClientOptions.MaxRowsPerFile"/> rows, <see cref="BiginClientOptions.MaxBytesPerFile"/> bytes),
    /// uploads each, runs a bulk write job per file (one after another, or <see cref="BulkImportOptions.MaxParallelJobs"/>
    /// at a time) and waits for them all.
    /// </summary>
    /// <param name="path">A <c>.csv</c> file or a <c>.zip</c> holding one CSV.</param>
    /// <param name="options">Module, operation, mappings.</param>
    /// <param name="progress">Receives every job's state as it is polled, or null.</param>
    /// <param name="cancellationToken">Stops waiting (started jobs keep running on the server).</param>
    public async Task<BulkImportResult> ImportAsync(string path, BulkImportOptions options, IProgress<BulkImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist.", path);
        }

        var source = new ImportSource(path);
        var work = Directory.CreateTempSubdirectory("biginbulk-import-");
        try
        {
            var (header, parts) = await SplitAsync(source, work.FullName, cancellationToken);
            var mappings = await MappingsAsync(header, options, cancellationToken);
            var operations = new BulkWriteOperation[parts.Count];
            foreach (var (part, index) in parts.Select((p, i) => (p, i)))
            {
                progress?.Report(new BulkImportProgress(index, parts.Count, part.Rows, null));
            }

            await Parallel.ForEachAsync(
                Enumerable.Range(0, parts.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelJobs), CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    var part = parts[index];
                    var fileId = await UploadAsync(() => new ZipCsvContent(() => File.OpenRead(part.Path), source.CsvName),
                        Path.ChangeExtension(source.CsvName, ".zip"), token);
                    File.Delete(part.Path);
                    var request = new BulkWriteRequest(options.Module, fileId)
                    {
                        Operation = options.Operation,
                        FindBy = options.FindBy,
                        FieldMappings = mappings,
                        IgnoreEmpty = options.IgnoreEmpty,
                    };
                    var operation = await StartBulkWriteAsync(request, part.FirstRow, token);
                    operations[index] = operation;
                    await operation.WaitForCompletionAsync(
                        new SyncProgress<BulkWriteJobStatus>(s => progress?.Report(new BulkImportProgress(index, parts.Count, part.Rows, s))), token);
                });
            return new BulkImportResult(source, operations, parts.Sum(p => p.Rows));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<(IReadOnlyList<string> Header, List<ImportPart> Parts)> SplitAsync(ImportSource source, string directory, CancellationToken cancellationToken)
    {
        await using var reader = await source.OpenAsync(cancellationToken);
        var headerLine = CsvText.Line(reader.Header);
        var parts = new List<ImportPart>();
        StreamWriter? writer = null;
        ImportPart? current = null;
        long row = 0;
        long bytes = 0;
        try
        {
            while (await reader.ReadAsync(cancellationToken) is { } fields)
            {
                var line = CsvText.Line(fields);
                var lineBytes = Encoding.UTF8.GetByteCount(line) + 2;
                if (current is null || current.Rows >= Options.MaxRowsPerFile || (current.Rows > 0 && bytes + lineBytes > Options.MaxBytesPerFile))
                {
                    if (writer is not null)
                    {
                        await writer.DisposeAsync();
                    }

                    current = new ImportPart(Path.Combine(directory, $"part{parts.Count}.csv"), row);
                    parts.Add(current);
                    writer = new StreamWriter(current.Path, false, new UTF8Encoding(false)) { NewLine = "\r\n" };
                    await writer.WriteLineAsync(headerLine.AsMemory(), cancellationToken);
                    bytes = Encoding.UTF8.GetByteCount(headerLine) + 2;
                }

                await writer!.WriteLineAsync(line.AsMemory(), cancellationToken);
                bytes += lineBytes;
                current.Rows++;
                row++;
            }
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
        }

        if (parts.Count == 0)
        {
            throw new InvalidDataException($"{source.Path} has no data rows.");
        }

        return (reader.Header, parts);
    }

    private async Task<IReadOnlyList<FieldMapping>> MappingsAsync(IReadOnlyList<string> header, BulkImportOptions options, CancellationToken cancellationToken)
    {
        if (options.ColumnMap.Count == 0 && options.DateFormat is null)
        {
            // The header row names the fields: no explicit mappings, as the API documents.
            return [];
        }

        var unknown = options.ColumnMap.Keys.Where(k => !header.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--map names columns the file does not have: {string.Join(", ", unknown)}.", nameof(options));
        }

        var dateFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (options.DateFormat is not null)
        {
            foreach (var field in await GetFieldsAsync(options.Module, cancellationToken))
            {
                if (field.DataType is "date" or "datetime")
                {
                    dateFields.Add(field.ApiName);
                }
            }
        }

        return [.. header.Select((column, index) =>
        {
            var field = options.ColumnMap.TryGetValue(column, out var mapped) ? mapped : column;
            return new FieldMapping(field, index) { Format = dateFields.Contains(field) ? options.DateFormat : null };
        })];
    }

    private sealed class ImportPart(string path, long firstRow)
    {
        public string Path { get; } = path;

        public long FirstRow { get; } = firstRow;

        public long Rows { get; set; }
    }
}
