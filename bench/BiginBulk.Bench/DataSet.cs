using System.IO.Compression;
using System.Text;

namespace BiginBulk.Bench;

/// <summary>One generated CSV and the zip that is uploaded; the baselines load the very same CSV.</summary>
internal sealed record DataFile(string Name, string CsvPath, string ZipPath, int Rows, long Bytes);

/// <summary>
/// The files of one benchmark, generated once per harness run from the seed. Index ranges keep emails apart:
/// insert [0, N), upsert updates every other row of it plus N/2 new rows from N, the lookup file from 3N,
/// the Zoho-size file from 5N; the memory file lives in its own store. The warm-up file is 10 companies,
/// so that no contact exists on the server that the baselines do not have.
/// </summary>
internal sealed class DataSet
{
    public required DataFile Insert { get; init; }

    public required DataFile Upsert { get; init; }

    public required DataFile Accounts { get; init; }

    public required DataFile Lookup { get; init; }

    public required DataFile Zoho { get; init; }

    public DataFile? Memory { get; init; }

    public required DataFile WarmUp { get; init; }

    public required int AccountCount { get; init; }

    public static DataSet Generate(BenchOptions options)
    {
        var generator = new ContactGenerator(options.Seed);
        var n = options.Rows;
        var directory = Path.Combine(options.WorkDirectory, "data");
        Directory.CreateDirectory(directory);
        var accountCount = Math.Max(100, n / 100);

        DataFile Contacts(string name, int rows, Func<int, string[]> row, IReadOnlyList<string>? extra = null) =>
            Write(directory, name, [.. ContactGenerator.Columns, .. extra ?? []], rows, row);

        return new DataSet
        {
            Insert = Contacts("contacts-insert", n, i => generator.Contact(i)),
            Upsert = Contacts("contacts-upsert", n, j => j % 2 == 0 ? UpdateRow(generator, j) : generator.Contact(n + (j / 2))),
            Accounts = Write(directory, "accounts", ["Account_Name", "Phone", "Billing_City"], accountCount,
                i => [ContactGenerator.AccountName(i), "+1 555 01" + (i % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), "Lyon"]),
            Lookup = Contacts("contacts-lookup", n, i => [.. generator.Contact((3 * n) + i), ContactGenerator.AccountName(i % accountCount)], ["Account_Name.Account_Name"]),
            Zoho = Contacts("contacts-zoho", options.ZohoRows, i => generator.Contact((5 * n) + i)),
            Memory = options.SkipMemory ? null : Contacts("contacts-memory", options.MemoryRows, i => generator.Contact(i)),
            WarmUp = Write(directory, "accounts-warmup", ["Account_Name", "Phone", "Billing_City"], 10, i => ["Warm-up company " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "+1 555 0100", "Nice"]),
            AccountCount = accountCount,
        };
    }

    /// <summary>An update of an existing row (every other one of the insert file) with new non-key values; every
    /// eighth ASCII email is upper-cased, since matching is case-insensitive.</summary>
    private static string[] UpdateRow(ContactGenerator generator, int j)
    {
        var index = j;
        var original = generator.Contact(index);
        var row = generator.Contact(index, variant: 1);
        row[2] = j % 16 == 0 && original[2].All(char.IsAscii) ? original[2].ToUpperInvariant() : original[2];
        return row;
    }

    private static DataFile Write(string directory, string name, IReadOnlyList<string> header, int rows, Func<int, string[]> row)
    {
        var csvPath = Path.Combine(directory, name + ".csv");
        var zipPath = Path.Combine(directory, name + ".zip");
        var line = new StringBuilder();
        using (var writer = new StreamWriter(csvPath, false, new UTF8Encoding(false), 1 << 16))
        {
            CsvText.AppendRow(line, header);
            for (var i = 0; i < rows; i++)
            {
                CsvText.AppendRow(line, row(i));
                if (line.Length > 1 << 16)
                {
                    writer.Write(line);
                    line.Clear();
                }
            }

            writer.Write(line);
        }

        File.Delete(zipPath);
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(csvPath, name + ".csv", CompressionLevel.Fastest);
        }

        return new DataFile(name, csvPath, zipPath, rows, new FileInfo(csvPath).Length);
    }
}
