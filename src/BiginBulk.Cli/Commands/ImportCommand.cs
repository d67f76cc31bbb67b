using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Client;
using Spectre.Console;

namespace BiginBulk.Cli.Commands;

/// <summary>
/// <c>biginbulk import FILE --module M …</c>: the whole file through the SDK's split import, a live progress
/// bar per job (terminals only), a summary table, and FILE.result.csv / FILE.failed.csv beside the input.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(Func<Func<CommandContext, CancellationToken, Task<ExitCode>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file, or a zip holding one CSV, of any size." };
        var module = new Option<string>("--module") { Description = "The module, e.g. Contacts.", Required = true };
        var operation = new Option<string>("--operation") { Description = "insert, update or upsert.", DefaultValueFactory = _ => "insert" };
        operation.AcceptOnlyFromAmong("insert", "update", "upsert");
        var findBy = new Option<string?>("--find-by") { Description = "The field that finds existing records (Id or a unique field); needed for update and upsert." };
        var map = new Option<string[]>("--map") { Description = "column=Field, for a column whose header is not the field's API name (repeatable).", AllowMultipleArgumentsPerToken = true };
        var ignoreEmpty = new Option<bool>("--ignore-empty") { Description = "Empty cells keep the stored value instead of clearing it." };
        var dateFormat = new Option<string?>("--date-format") { Description = "The format of date and datetime columns, e.g. dd/MM/yyyy." };
        var parallel = new Option<int>("--parallel") { Description = "Jobs run at once when the file is split.", DefaultValueFactory = _ => 1 };
        var command = new Command("import", "Import a CSV into a module (split into several jobs past 25,000 rows or 25 MB).")
        {
            file, module, operation, findBy, map, ignoreEmpty, dateFormat, parallel,
        };
        command.SetAction(run(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliUsageException($"{path} does not exist.");
            }

            var options = new BulkImportOptions(parse.GetValue(module)!)
            {
                Operation = Enum.Parse<BulkWriteOperationType>(parse.GetValue(operation)!, ignoreCase: true),
                FindBy = parse.GetValue(findBy),
                ColumnMap = ParseMap(parse.GetValue(map) ?? []),
                IgnoreEmpty = parse.GetValue(ignoreEmpty),
                DateFormat = parse.GetValue(dateFormat),
                MaxParallelJobs = Math.Max(1, parse.GetValue(parallel)),
            };
            if (options.Operation != BulkWriteOperationType.Insert && options.FindBy is null)
            {
                throw new CliUsageException($"--operation {parse.GetValue(operation)} needs --find-by (Id or a unique field).");
            }

            using var client = await context.CreateClientAsync(cancellationToken);
            var result = context.Console.ErrorIsTerminal && !context.Json
                ? await ImportWithProgressAsync(context, client, path, options, cancellationToken)
                : await client.ImportAsync(path, options, null, cancellationToken);

            var resultPath = Beside(path, ".result.csv");
            var failedPath = Beside(path, ".failed.csv");
            await using (var output = File.Create(resultPath))
            {
                await result.WriteResultCsvAsync(output, cancellationToken);
            }

            long failed;
            await using (var output = File.Create(failedPath))
            {
                failed = await result.WriteFailedRowsAsync(output, cancellationToken);
            }

            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["file"] = path,
                    ["module"] = options.Module,
                    ["operation"] = options.Operation.ToString().ToLowerInvariant(),
                    ["rows"] = result.TotalRows,
                    ["added"] = result.Added,
                    ["updated"] = result.Updated,
                    ["skipped"] = result.Skipped,
                    ["failed"] = failed,
                    ["jobs"] = new JsonArray([.. result.Jobs.Select(j => (JsonNode)new JsonObject
                    {
                        ["id"] = j.Id,
                        ["status"] = j.Status?.Status,
                        ["added"] = j.Status?.AddedCount,
                        ["updated"] = j.Status?.UpdatedCount,
                        ["skipped"] = j.Status?.SkippedCount,
                    })]),
                    ["result_file"] = resultPath,
                    ["failed_file"] = failedPath,
                });
            }
            else
            {
                WriteSummary(context, result, failed, resultPath, failedPath);
            }

            return failed > 0 ? ExitCode.CompletedWithFailedRows : ExitCode.Success;
        }));
        return command;
    }

    private static async Task<BulkImportResult> ImportWithProgressAsync(CommandContext context, BiginClient client, string path, BulkImportOptions options,
        CancellationToken cancellationToken)
    {
        BulkImportResult? result = null;
        await context.Human.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = new Dictionary<int, ProgressTask>();
                var report = new Action<BulkImportProgress>(p =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(p.Part, out var task))
                        {
                            tasks[p.Part] = task = progress.AddTask($"job {p.Part + 1}/{p.Parts}", autoStart: false, maxValue: p.Rows);
                        }

                        if (p.Status is { } status)
                        {
                            if (!task.IsStarted)
                            {
                                task.StartTask();
                            }

                            task.Description = $"job {p.Part + 1}/{p.Parts} {status.Status.ToLowerInvariant()}";
                            task.Value = status.HasCompleted ? p.Rows : status.TotalCount;
                            if (status.HasCompleted)
                            {
                                task.StopTask();
                            }
                        }
                    }
                });
                result = await client.ImportAsync(path, options, new InlineProgress<BulkImportProgress>(report), cancellationToken);
            });
        return result!;
    }

    private static void WriteSummary(CommandContext context, BulkImportResult result, long failed, string resultPath, string failedPath)
    {
        var table = new Table().AddColumns("job", "status", "rows", "added", "updated", "skipped");
        foreach (var job in result.Jobs)
        {
            var s = job.Status;
            table.AddRow(job.Id, s?.Status ?? "?", Number(s?.TotalCount ?? 0), Number(s?.AddedCount ?? 0), Number(s?.UpdatedCount ?? 0), Number(s?.SkippedCount ?? 0));
        }

        table.AddRow("total", "", Number(result.TotalRows), Number(result.Added), Number(result.Updated), Number(result.Skipped));
        context.Human.Write(table);
        // Plain text: Spectre would wrap the paths at its assumed width when stderr is not a terminal.
        context.Console.Error.WriteLine($"{Number(failed)} failed rows. Results: {resultPath}; failed rows: {failedPath}");
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> ParseMap(string[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new CliUsageException($"--map takes column=Field, not '{pair}'.");
            }

            map[pair[..equals]] = pair[(equals + 1)..];
        }

        return map;
    }

    /// <summary><c>contacts.csv</c> → <c>contacts.result.csv</c>, beside the input.</summary>
    internal static string Beside(string path, string suffix) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + suffix);

    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
