using System.Text;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

/// <summary>
/// The invariant for any uploaded file: the result has one row per data row of the file, and the job's
/// total_count agrees. A file whose reading truly cannot go on (a quote never closed) ends with an UNPROCESSED
/// row there, and the job details say at which row and why.
/// </summary>
public sealed class HostileCsvCorpusTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const int MaxRow = 1024 * 1024;

    private BiginClient Client => fixture.Client;

    /// <summary>Name → (file, data rows, the row where reading stops or 0).</summary>
    private static Dictionary<string, (Func<string> Csv, int Rows, int StopsAt)> Corpus { get; } = new(StringComparer.Ordinal)
    {
        ["plain"] = (() => "Last_Name,Description\nA,1\nB,2\n", 2, 0),
        ["long-unquoted-cell-lf"] = (() => "Last_Name,Description\nA,1\nB," + Noise(1_500_000) + "\nC,3\nD,4\n", 4, 0),
        ["long-unquoted-cell-crlf"] = (() => "Last_Name,Description\r\nA,1\r\nB," + Noise(1_500_000) + "\r\nC,3\r\n", 3, 0),
        ["long-quoted-value-closed"] = (() => "Last_Name,Description\nA,\"" + Lines(70_000, "\"\" ,\n") + "\"\nB,2\nC,\"x\ny\"\n", 3, 0),
        ["long-last-row-no-break"] = (() => "Last_Name,Description\nA,1\nB," + Noise(MaxRow + 10), 2, 0),
        ["several-long-rows"] = (() => "Last_Name\n" + string.Concat(Enumerable.Range(0, 5).Select(i => "R" + i + "\n" + Noise(MaxRow + 1) + "\n")), 10, 0),
        ["blank-lines-around"] = (() => "Last_Name,Description\n\n\nA,1\n\n", 1, 0),
        ["ragged-and-blank"] = (() => "Last_Name,Description\nA\n\nB,2,3\n,,\n   \nC,3,\n", 4, 0),
        ["quoted-line-breaks"] = (() => "Last_Name,Description\n\"A\",\"one\r\ntwo\"\n\"B \"\"q\"\"\",x\n", 2, 0),
        ["unterminated-quote-short"] = (() => "Last_Name,Description\nA,1\nB,\"never closed\nC,3\nD,4\n", 2, 2),
        ["unterminated-quote-long"] = (() => "Last_Name,Description\nA,1\nB,2\nC,\"never closed" + Lines(120_000, "\nD,"), 3, 3),
        ["text-after-closing-quote"] = (() => "Last_Name,Description\nA,\"q\" text\nB,2\n", 1, 1),
    };

    public static TheoryData<string> CorpusNames => [.. Corpus.Keys];

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public async Task Every_data_row_of_a_hostile_file_has_exactly_one_result_row(string name)
    {
        var (csv, rows, stopsAt) = Corpus[name];

        var run = await Client.WriteAsync(csv());

        Assert.Equal(rows, run.Result.Rows.Count);
        Assert.Equal(rows, run.Count("total_count"));
        Assert.Equal(rows, run.Count("added_count") + run.Count("updated_count") + run.Count("skipped_count"));
        var error = run.Job["result"]?["error_message"];
        if (stopsAt == 0)
        {
            Assert.Null(error);
            Assert.DoesNotContain("UNPROCESSED", run.Result.Statuses);
            return;
        }

        Assert.Equal(["UNPROCESSED"], run.Result.Statuses.Skip(stopsAt - 1));
        Assert.NotNull(error);
        Assert.Equal("INVALID_DATA", error["code"]!.GetValue<string>());
        Assert.Equal(stopsAt, error["details"]!["row"]!.GetValue<long>());
        Assert.StartsWith($"Row {stopsAt}", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Reading stopped here", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_of_one_and_a_half_million_characters_is_skipped_and_the_rows_after_it_are_imported()
    {
        var tag = WriteJobs.NewTag();
        var csv = $"Last_Name,Description\n{tag}-a,1\n{tag}-b,{Noise(1_500_000)}\n{tag}-c,3\n{tag}-d,4\n";

        var run = await Client.WriteAsync(csv);

        run.AssertCounts(added: 3, updated: 0, skipped: 1);
        run.AssertRow(0, "ADDED");
        run.AssertRow(1, "SKIPPED", "INVALID_DATA");
        run.AssertRow(2, "ADDED");
        run.AssertRow(3, "ADDED");
        var names = (await Client.RecordsTaggedAsync("Contacts", "Last_Name", tag)).Select(r => r.Text("Last_Name")).Order(StringComparer.Ordinal);
        Assert.Equal([$"{tag}-a", $"{tag}-c", $"{tag}-d"], names);
    }

    [Fact]
    public async Task A_header_row_of_a_million_columns_is_refused_with_the_header_limit_error()
    {
        var header = string.Join(',', Noise(1_000_000).Select(c => c.ToString()));
        var fileId = await Client.UploadBytesAsync(Encoding.UTF8.GetBytes(header + "\nx\n"), "Wide.csv");

        var response = await Client.PostJsonAsync("/bigin/bulk/v2/write", WriteJobs.Body(fileId));

        response.AssertStatus(System.Net.HttpStatusCode.BadRequest);
        Assert.Equal("HEADER_LIMIT_EXCEEDED", response.Json["code"]!.GetValue<string>());
        Assert.Equal(200, response.Json["details"]!["max_limit"]!.GetValue<int>());
        Assert.Equal("$.resource[0].file_id", response.Json["details"]!["json_path"]!.GetValue<string>());
    }

    /// <summary>Lines of noise, each followed by <paramref name="separator"/>.</summary>
    private static string Lines(int count, string separator)
    {
        var noise = Noise(count * 12);
        return string.Concat(Enumerable.Range(0, count).Select(i => string.Concat(noise.AsSpan(i * 12, 12), separator)));
    }

    /// <summary>Letters that do not compress well, so a big file passes the upload's zip-bomb ratio check.</summary>
    private static string Noise(int length)
    {
        var random = new Random(length);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
    }
}
