using System.Text.Json.Nodes;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>A finished bulk write: the job details and the parsed result file.</summary>
public sealed record WriteRun(string JobId, JsonObject Job, string ResultEntryName, ResultFile Result)
{
    public JsonObject File => Job["resource"]![0]!["file"]!.AsObject();

    public int Count(string key) => File[key]!.GetValue<int>();
}
