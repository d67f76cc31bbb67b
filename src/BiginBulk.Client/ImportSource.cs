using System.IO.Compression;
using System.Text;
using Sylvan.Data.Csv;

namespace BiginBulk.Client;

/// <summary>
/// The CSV of an import: a <c>.csv</c> file or the single CSV in a <c>.zip</c>, read as a stream of records
/// (delimiter detected from the header, UTF-8/UTF-16 by BOM). Re-openable, for the merge passes.
/// </summary>
internal sealed class ImportSource(string path)
{
    public string Path { get; } = path;

    /// <summary>The CSV's own name (inside the zip for a zip).</summary>
    public string CsvName { get; private set; } = System.IO.Path.GetFileName(path);

    public async Task<ImportReader> OpenAsync(CancellationToken cancellationToken)
    {
        Stream stream = File.OpenRead(Path);
        ZipArchive? archive = null;
        if (Path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (entries.Count != 1)
            {
                archive.Dispose();
                throw new InvalidDataException($"{Path} must hold exactly one CSV file (it holds {entries.Count}).");
            }

            CsvName = entries[0].Name;
            stream = entries[0].Open();
        }

        var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        // Delimiter null: Sylvan picks , ; | or tab from the header row, as the server does.
        var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { BufferSize = 1 << 20 }, cancellationToken);
        return new ImportReader(csv, text, archive);
    }
}
