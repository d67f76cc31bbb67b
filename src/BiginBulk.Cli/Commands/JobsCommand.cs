using System.CommandLine;
using System.Text.Json.Nodes;
using BiginBulk.Client;

namespace BiginBulk.Cli.Commands;

/// <summary><c>biginbulk jobs show ID</c>: a write or read job's state.</summary>
internal static class JobsCommand
{
    public static Command Create(Func<Func<CommandContext, CancellationToken, Task<ExitCode>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var id = new Argument<string>("ID") { Description = "A bulk write or bulk read job id." };
        var show = new Command("show", "Show a bulk write or bulk read job.") { id };
        show.SetAction(run(async (context, cancellationToken) =>
        {
            var jobId = context.Parse.GetValue(id)!;
            using var client = await context.CreateClientAsync(cancellationToken);
            JsonObject json;
            try
            {
                var write = await new BulkWriteOperation(jobId, client).UpdateStatusAsync(cancellationToken);
                json = new JsonObject
                {
                    ["id"] = write.Id, ["kind"] = "write", ["status"] = write.Status, ["operation"] = write.Operation, ["module"] = write.Module,
                    ["added"] = write.AddedCount, ["updated"] = write.UpdatedCount, ["skipped"] = write.SkippedCount, ["total"] = write.TotalCount,
                    ["download_url"] = write.DownloadUrl?.ToString(),
                };
            }
            catch (BulkApiException e) when (e.Status is 404 or 400)
            {
                // Not a write job: job ids are unique across both kinds, so try it as a read job.
                var read = await new BulkReadOperation(jobId, client).UpdateStatusAsync(cancellationToken);
                json = new JsonObject
                {
                    ["id"] = read.Id, ["kind"] = "read", ["state"] = read.State, ["page"] = read.Page, ["count"] = read.Count,
                    ["more_records"] = read.MoreRecords, ["file_type"] = read.FileType,
                };
            }

            if (context.Json)
            {
                context.WriteJson(json);
            }
            else
            {
                foreach (var (key, value) in json)
                {
                    if (value is not null)
                    {
                        await context.Console.Error.WriteLineAsync($"{key,-13} {value}");
                    }
                }
            }

            return ExitCode.Success;
        }));
        return new Command("jobs", "Bulk jobs.") { show };
    }
}
