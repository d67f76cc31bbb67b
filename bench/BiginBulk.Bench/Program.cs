using BiginBulk.Bench;

// The benchmark of issue 12: BiginBulk's bulk API end to end over HTTP against the databases' own loaders,
// on the same CSV, in the same run. bench/run.sh builds the server and this driver, starts PostgreSQL and
// passes its address; see docs/benchmarks.md.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the finally blocks kill the servers; bench/run.sh kills any that remain.
    e.Cancel = true;
    cancellation.Cancel();
};

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

try
{
    return await RunAsync(options, cancellation.Token);
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException or OperationCanceledException)
{
    // A failed job, a wrong result count or a failed baseline: the benchmark has no number to give.
    Console.Error.WriteLine($"The benchmark failed: {e.Message}");
    return 1;
}

static async Task<int> RunAsync(BenchOptions options, CancellationToken token)
{
    Console.Error.WriteLine($"Generating data: {options.Rows:N0} rows (memory file {(options.SkipMemory ? 0 : options.MemoryRows):N0}), seed {options.Seed}");
    var data = DataSet.Generate(options);
    Console.Error.WriteLine($"insert file {data.Insert.Bytes / 1048576.0:F1} MB, zip {new FileInfo(data.Insert.ZipPath).Length / 1048576.0:F1} MB");

    var loadAtStart = Machine.LoadAverage();
    var versions = new Dictionary<string, string> { ["sqlite3"] = await Tool.OutputAsync("sqlite3", ["--version"], token) };
    var rows = new List<Measurement>();
    foreach (var storeName in options.Stores)
    {
        IBenchStore store = storeName == "postgres" ? new PostgresStore(options) : new SqliteStore(options);
        if (store is PostgresStore)
        {
            versions["postgres"] = await Tool.OutputAsync("psql",
                ["-X", "-tA", "-h", options.PostgresHost!, "-p", options.PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres",
                 "-c", "SELECT current_setting('server_version') || ' fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' full_page_writes=' || current_setting('full_page_writes')"], token);
            Console.Error.WriteLine($"PostgreSQL {versions["postgres"]}");
        }

        rows.AddRange(await new BenchRunner(options, data, store).RunAsync(token));
    }

    Console.WriteLine(Report.Table(rows));
    Console.WriteLine($"Load average at start {loadAtStart}, at end {Machine.LoadAverage()} ({Environment.ProcessorCount} cores).");
    await Report.WriteJsonAsync(options.Output, options, Machine.Describe(), versions, loadAtStart, rows, token);
    Console.Error.WriteLine($"Wrote {options.Output}");
    return 0;
}
