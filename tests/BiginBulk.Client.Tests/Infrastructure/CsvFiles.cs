using Sylvan.Data.Csv;

namespace BiginBulk.Client.Tests.Infrastructure;

public static class CsvFiles
{
    public static string TempPath(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "biginbulk-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    /// <summary>Every record of a CSV file as column → value maps, in file order.</summary>
    public static async Task<List<Dictionary<string, string>>> ReadAsync(string path)
    {
        using var text = File.OpenText(path);
        await using var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { Delimiter = ',' });
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < csv.FieldCount; i++)
            {
                row[csv.GetName(i)] = csv.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
