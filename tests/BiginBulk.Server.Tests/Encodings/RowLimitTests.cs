using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Encodings;

public sealed class RowLimitTests
{
    [Fact]
    public async Task Rows_past_the_row_limit_are_skipped_with_LIMIT_EXCEEDED_and_still_reported()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["BiginBulk:Limits:MaxRowsPerFile"] = "5",
            ["BiginBulk:Limits:WriteChunkRows"] = "3",
        });
        using var client = new BiginClient(server);
        var tag = WriteJobs.NewTag();
        var rows = Enumerable.Range(1, 8).Select(i => i == 2 ? $",{tag}-{i}" : $"{tag}-{i},x");

        var run = await client.WriteAsync("Last_Name,First_Name\n" + string.Join('\n', rows) + "\n");

        run.AssertCounts(added: 4, updated: 0, skipped: 4);
        run.AssertRow(0, "ADDED");
        run.AssertRow(1, "SKIPPED", "MANDATORY_NOT_FOUND-Last_Name");
        for (var i = 2; i < 5; i++)
        {
            run.AssertRow(i, "ADDED");
        }

        for (var i = 5; i < 8; i++)
        {
            run.AssertRow(i, "SKIPPED", "LIMIT_EXCEEDED");
            Assert.Equal($"{tag}-{i + 1}", run.Result.Cell(i, "Last_Name"));
        }

        var names = (await client.RecordsTaggedAsync("Contacts", "Last_Name", tag)).Select(r => r.Text("Last_Name")).Order(StringComparer.Ordinal);
        Assert.Equal([$"{tag}-1", $"{tag}-3", $"{tag}-4", $"{tag}-5"], names);
    }
}
