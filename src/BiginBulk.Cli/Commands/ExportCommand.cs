using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Client;

namespace BiginBulk.Cli.Commands;

/// <summary><c>biginbulk export MODULE … -o FILE</c>: a bulk read that follows every page into one file.</summary>
internal static class ExportCommand
{
    public static Command Create(Func<Func<CommandContext, CancellationToken, Task<ExitCode>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var module = new Argument<string>("MODULE") { Description = "The module, e.g. Contacts." };
        var fields = new Option<string[]>("--fields") { Description = "Fields to export, comma-separated or repeated (dot fields follow lookups: Owner.last_name).", AllowMultipleArgumentsPerToken = true };
        var where = new Option<string?>("--where") { Description = "Which records, e.g. Email ends_with \"@example.com\" and (Owner.last_name = \"Boyle\" or Mailing_Country in (\"DE\",\"US\"))." };
        var cvid = new Option<string?>("--cvid") { Description = "A custom view's id: export the view's records." };
        var ics = new Option<bool>("--ics") { Description = "An iCalendar file (Events only)." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write.", Required = true };
        var command = new Command("export", "Export a module's records (all pages) to one CSV or ICS file.") { module, fields, where, cvid, ics, output };
        command.SetAction(run(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var query = new BulkReadQuery(parse.GetValue(module)!)
            {
                Fields = [.. (parse.GetValue(fields) ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
                Criteria = parse.GetValue(where) is { } expression ? WhereParser.Parse(expression) : null,
                CustomViewId = parse.GetValue(cvid),
                FileType = parse.GetValue(ics) ? BulkReadFileType.Ics : BulkReadFileType.Csv,
            };
            var path = parse.GetValue(output)!;
            using var client = await context.CreateClientAsync(cancellationToken);
            var first = await client.StartBulkReadAsync(query, cancellationToken);
            var pages = new List<BulkReadJobStatus>();
            var report = new Progress(context, pages);
            long records;
            var temp = path + ".partial";
            await using (var file = File.Create(temp))
            {
                records = await first.DownloadAllPagesAsync(file, report, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["file"] = path,
                    ["module"] = query.Module,
                    ["records"] = records,
                    ["pages"] = pages.Count,
                    ["jobs"] = new JsonArray([.. pages.Select(p => (JsonNode?)p.Id)]),
                });
            }
            else
            {
                await context.Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Exported {records:N0} records in {pages.Count} page(s) to {path}."));
            }

            return ExitCode.Success;
        }));
        return command;
    }

    /// <summary>One line per finished page, for humans (the pages run one after another).</summary>
    private sealed class Progress(CommandContext context, List<BulkReadJobStatus> pages) : IProgress<BulkReadJobStatus>
    {
        public void Report(BulkReadJobStatus value)
        {
            pages.Add(value);
            if (!context.Json && context.Console.ErrorIsTerminal)
            {
                context.Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"page {value.Page}: {value.Count:N0} records (job {value.Id})"));
            }
        }
    }
}
