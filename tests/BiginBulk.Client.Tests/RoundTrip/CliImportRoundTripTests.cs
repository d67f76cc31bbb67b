using System.Globalization;
using System.Text;
using System.Text.Json;
using BiginBulk.Client.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.RoundTrip;

/// <summary><c>biginbulk import</c> against a real server: the split, the result and failed-rows files.</summary>
public sealed class CliImportRoundTripTests(RoundTripServer fixture) : IClassFixture<RoundTripServer>
{
    private const int Rows = 60_000;

    [Fact]
    public async Task An_import_of_60000_rows_runs_three_jobs_and_writes_results_and_failed_rows_in_input_order()
    {
        var path = CsvFiles.TempPath("contacts.csv");
        var csv = new StringBuilder("Last_Name,First_Name,Email\n");
        for (var i = 1; i <= Rows; i++)
        {
            // Every 7,000th row has no Last_Name, which Contacts require: rows 7000, 14000, …, 56000.
            csv.Append(CultureInfo.InvariantCulture, $"{(i % 7000 == 0 ? "" : $"Last{i}")},First{i},user{i}@split.test\n");
        }

        await File.WriteAllTextAsync(path, csv.ToString());
        var run = await new CliRun().RunAsync("import", path, "--module", "Contacts", "--format", "json",
            "--server", fixture.Server.BaseAddress.ToString(), "--token", fixture.Credentials.AccessToken, "--org", fixture.Credentials.OrgId);

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Error}");
        using var summary = JsonDocument.Parse(run.Output);
        var root = summary.RootElement;
        Assert.Equal(3, root.GetProperty("jobs").GetArrayLength());
        Assert.Equal(Rows, root.GetProperty("rows").GetInt64());
        Assert.Equal(Rows - 8, root.GetProperty("added").GetInt64());
        Assert.Equal(8, root.GetProperty("skipped").GetInt64());
        Assert.Equal(8, root.GetProperty("failed").GetInt64());
        Assert.Equal([25_000, 25_000, 10_000], root.GetProperty("jobs").EnumerateArray()
            .Select(j => j.GetProperty("added").GetInt32() + j.GetProperty("skipped").GetInt32()));

        var results = await CsvFiles.ReadAsync(Path.Combine(Path.GetDirectoryName(path)!, "contacts.result.csv"));
        Assert.Equal(Rows, results.Count);
        for (var i = 1; i <= Rows; i++)
        {
            var row = results[i - 1];
            Assert.Equal($"user{i}@split.test", row["Email"]);
            if (i % 7000 == 0)
            {
                Assert.Equal(("SKIPPED", "", "MANDATORY_NOT_FOUND-Last_Name"), (row["STATUS"], row["RECORD_ID"], row["ERRORS"]));
            }
            else
            {
                Assert.Equal("ADDED", row["STATUS"]);
                Assert.NotEmpty(row["RECORD_ID"]);
            }
        }

        Assert.Equal(Rows - 8, results.Select(r => r["RECORD_ID"]).Where(id => id.Length > 0).Distinct().Count());
        var failed = await CsvFiles.ReadAsync(Path.Combine(Path.GetDirectoryName(path)!, "contacts.failed.csv"));
        Assert.Equal(Enumerable.Range(1, 8).Select(k => $"user{k * 7000}@split.test"), failed.Select(r => r["Email"]));
        Assert.Equal(["Last_Name", "First_Name", "Email"], failed[0].Keys);
    }

    [Fact]
    public async Task A_wrong_token_exits_with_the_authentication_code_and_one_line()
    {
        var run = await new CliRun().RunAsync("modules", "--server", fixture.Server.BaseAddress.ToString(), "--token", "1000.not-a-token");

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: authentication failed: INVALID_TOKEN", line, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_bad_where_expression_exits_with_the_usage_code_and_names_the_column()
    {
        var run = await new CliRun().RunAsync("export", "Contacts", "--where", "Email ends_with", "-o", CsvFiles.TempPath("x.csv"),
            "--server", fixture.Server.BaseAddress.ToString(), "--token", fixture.Credentials.AccessToken);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --where, column 16: expected a value, found the end of the expression", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task An_unknown_option_exits_with_the_usage_code_and_one_line()
    {
        var run = await new CliRun().RunAsync("import", "x.csv", "--modul", "Contacts");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
