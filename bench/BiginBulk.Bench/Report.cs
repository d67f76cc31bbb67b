using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BiginBulk.Bench;

/// <summary>The harness's output: a Markdown table on stdout (pasted into docs/benchmarks.md) and the same as JSON.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Table(IReadOnlyList<Measurement> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| store | scenario | BiginBulk | baseline | baseline median | ratio | target |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Store} | {row.Scenario} | {Value(row.Median, row.Unit)} | {row.BaselineName ?? ""} | {(row.BaselineMedian is { } b ? Value(b, row.Unit) : "")} | {(row.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) + "×" : "")} | {row.Target} |");
        }

        var notes = rows.Where(r => r.Note is not null).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var row in notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {row.Store}, {row.Scenario}: {row.Note}");
            }
        }

        return text.ToString();
    }

    public static async Task WriteJsonAsync(string path, BenchOptions options, Machine machine, IReadOnlyDictionary<string, string> versions, string loadAtStart, IReadOnlyList<Measurement> rows, CancellationToken cancellationToken)
    {
        var document = new
        {
            Date = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            options.Commit,
            options.Command,
            options.Rows,
            options.Runs,
            options.MemoryRows,
            options.ZohoRows,
            options.Seed,
            Machine = machine,
            LoadAverageAtStart = loadAtStart,
            LoadAverageAtEnd = Machine.LoadAverage(),
            Versions = versions,
            Results = rows.Select(r => new
            {
                r.Store,
                r.Scenario,
                r.Unit,
                Biginbulk = r.Median,
                BiginbulkRuns = r.Values,
                Baseline = r.BaselineName,
                BaselineMedian = r.BaselineMedian,
                BaselineRuns = r.BaselineValues,
                r.Ratio,
                r.Target,
                r.Note,
            }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json) + "\n", cancellationToken);
    }

    private static string Value(double value, string unit) => unit switch
    {
        "s" => value.ToString("F2", CultureInfo.InvariantCulture) + " s",
        "ms" => value.ToString("F1", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString("F0", CultureInfo.InvariantCulture) + " " + unit,
    };
}
