using System.Globalization;

namespace BiginBulk.Bench;

/// <summary>
/// Runs every scenario on one store: K runs, each on a fresh server process and store, with the baselines of the
/// same run on the same CSV; then one fresh server for the big memory insert. Every job's result is checked
/// (row counts per STATUS), so a fast failure can never pass for a fast success.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, DataSet data, IBenchStore store)
{
    private const int ReadPageSize = 200_000;

    private readonly Dictionary<string, Measurement> _rows = [];

    public async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken)
    {
        var n = options.Rows.ToString("N0", CultureInfo.InvariantCulture);
        var insert = Row($"1. insert {n} contacts", "s", store.LoaderName, "≤ 1.5× baseline");
        var upsert = Row($"2. upsert {n} by Email (half updates)", "s", store.LoaderName + " (insert's time)", "≤ 2.5× baseline");
        var lookup = Row($"3. insert {n} with Account_Name.Account_Name", "s", store.LoaderName + " + join", "");
        var export = Row($"4. bulk read {Math.Min(options.Rows, ReadPageSize):N0}, criteria + Owner.last_name, to zip", "s", store.ExportName, "≤ 1.5× baseline");
        var zoho = Row($"5. Zoho-size job {options.ZohoRows:N0} rows, create → COMPLETED", "s", store.LoaderName, "");
        var memorySmall = Row($"6a. peak RSS (VmHWM), {n}-row insert", "MB", null, "");
        var polls = Row($"7. status poll p99 during the {n}-row insert", "ms", null, "< 50 ms");
        var extras = new Dictionary<string, Measurement>();

        for (var run = 1; run <= options.Runs; run++)
        {
            Log($"run {run}/{options.Runs}: baseline tables");
            await store.PrepareAsync(run, data, cancellationToken);
            var settings = await store.CreateServerStoreAsync(string.Create(CultureInfo.InvariantCulture, $"run{run}"), cancellationToken);
            await using var server = await ServerHost.StartAsync(options, $"{store.Name}-run{run}", settings, Math.Max(options.Rows, Math.Max(options.ZohoRows, data.AccountCount)), cancellationToken);
            using var api = new BulkApi(server, TimeSpan.FromMilliseconds(options.PollMilliseconds));
            await WarmUpAsync(api, cancellationToken);

            Log($"run {run}: 1. insert");
            var inserted = await api.WriteAsync(data.Insert, "Contacts", "insert", null, cancellationToken);
            Expect(inserted.Statuses, ("ADDED", options.Rows));
            insert.Values.Add(inserted.Total.TotalSeconds);
            polls.Values.Add(inserted.Polls.Percentile(99));
            polls.Note = $"{inserted.Polls.Count} polls one every {options.PollMilliseconds} ms; p50 {inserted.Polls.Percentile(50):F1} ms, max {inserted.Polls.Percentile(100):F1} ms (last run)";
            memorySmall.Values.Add(server.PeakResidentBytes() / 1048576.0);
            var loaded = await store.LoadAsync("contacts", data.Insert, cancellationToken);
            await ExpectCountAsync("contacts", options.Rows, cancellationToken);
            insert.BaselineValues.Add(loaded.TotalSeconds);
            upsert.BaselineValues.Add(loaded.TotalSeconds);
            Log($"run {run}: insert {inserted.Total.TotalSeconds:F2} s (upload {inserted.Upload.TotalSeconds:F2}, job {inserted.CreateToCompleted.TotalSeconds:F2}, download {inserted.Download.TotalSeconds:F2}); {store.LoaderName} {loaded.TotalSeconds:F2} s; poll p99 {inserted.Polls.Percentile(99):F1} ms over {inserted.Polls.Count}");
            if (options.InsertOnly)
            {
                continue;
            }

            foreach (var (name, time, note) in await store.ExtraLoadersAsync(data.Insert, cancellationToken))
            {
                if (!extras.TryGetValue(name, out var extra))
                {
                    extras[name] = extra = Row($"1b. insert {n} contacts, vs {name}", "s", name, "");
                }

                extra.Note = note;
                if (time is { } t)
                {
                    extra.Values.Add(inserted.Total.TotalSeconds);
                    extra.BaselineValues.Add(t.TotalSeconds);
                    Log($"run {run}: {name} {t.TotalSeconds:F2} s");
                }
                else
                {
                    Log($"run {run}: {note}");
                }
            }

            Log($"run {run}: 4. export");
            var expected = Math.Min(options.Rows, ReadPageSize);
            var (readTime, records) = await api.ReadAsync(ExportQuery.Build(), cancellationToken);
            if (records != expected)
            {
                throw new InvalidOperationException($"The bulk read exported {records} records, expected {expected}.");
            }

            export.Values.Add(readTime.TotalSeconds);
            var exported = await store.ExportAsync(ReadPageSize, cancellationToken);
            export.BaselineValues.Add(exported.TotalSeconds);
            Log($"run {run}: export {readTime.TotalSeconds:F2} s; {store.ExportName} {exported.TotalSeconds:F2} s");

            Log($"run {run}: 2. upsert");
            var upserted = await api.WriteAsync(data.Upsert, "Contacts", "upsert", "Email", cancellationToken);
            Expect(upserted.Statuses, ("UPDATED", (options.Rows + 1) / 2), ("ADDED", options.Rows / 2));
            upsert.Values.Add(upserted.Total.TotalSeconds);
            Log($"run {run}: upsert {upserted.Total.TotalSeconds:F2} s");

            Log($"run {run}: 3. lookup by name ({data.AccountCount} accounts first, not timed)");
            var accounts = await api.WriteAsync(data.Accounts, "Accounts", "insert", null, cancellationToken);
            Expect(accounts.Statuses, ("ADDED", data.AccountCount));
            var looked = await api.WriteAsync(data.Lookup, "Contacts", "insert", null, cancellationToken);
            Expect(looked.Statuses, ("ADDED", options.Rows));
            lookup.Values.Add(looked.Total.TotalSeconds);
            var joined = await store.LookupInsertAsync(data.Lookup, cancellationToken);
            await ExpectCountAsync("contacts_lookup", options.Rows, cancellationToken);
            lookup.BaselineValues.Add(joined.TotalSeconds);
            Log($"run {run}: lookup insert {looked.Total.TotalSeconds:F2} s; baseline {joined.TotalSeconds:F2} s");

            Log($"run {run}: 5. Zoho-size job");
            var zohoRun = await api.WriteAsync(data.Zoho, "Contacts", "insert", null, cancellationToken);
            Expect(zohoRun.Statuses, ("ADDED", options.ZohoRows));
            zoho.Values.Add(zohoRun.CreateToCompleted.TotalSeconds);
            var zohoLoaded = await store.LoadAsync("contacts_zoho", data.Zoho, cancellationToken);
            zoho.BaselineValues.Add(zohoLoaded.TotalSeconds);
            Log($"run {run}: Zoho-size create → COMPLETED {zohoRun.CreateToCompleted.TotalSeconds:F2} s; {store.LoaderName} {zohoLoaded.TotalSeconds:F2} s");
        }

        if (data.Memory is { } memoryFile)
        {
            var memoryBig = Row($"6b. peak RSS (VmHWM), {memoryFile.Rows:N0}-row insert", "MB", null, "≤ 1.3× 6a and < 400 MB");
            Log($"6. peak memory: fresh server, {memoryFile.Rows:N0}-row insert");
            var settings = await store.CreateServerStoreAsync("memory", cancellationToken);
            await using var server = await ServerHost.StartAsync(options, $"{store.Name}-memory", settings, memoryFile.Rows, cancellationToken);
            using var api = new BulkApi(server, TimeSpan.FromMilliseconds(options.PollMilliseconds));
            await WarmUpAsync(api, cancellationToken);
            var big = await api.WriteAsync(memoryFile, "Contacts", "insert", null, cancellationToken);
            Expect(big.Statuses, ("ADDED", memoryFile.Rows));
            memoryBig.Values.Add(server.PeakResidentBytes() / 1048576.0);
            memoryBig.BaselineValues.Add(memorySmall.Median);
            memoryBig.Note = $"baseline column: 6a's median; insert took {big.Total.TotalSeconds:F1} s";
            Log($"memory: {memoryBig.Median:F0} MB after {big.Total.TotalSeconds:F1} s; {options.Rows:N0}-row median {memorySmall.Median:F0} MB");
        }

        // Scenarios left out (--insert-only) have no values and no row in the table.
        return [.. _rows.Values.Where(r => r.Values.Count > 0).OrderBy(r => r.Scenario, StringComparer.Ordinal)];
    }

    /// <summary>A 10-row job (companies) on the fresh server before anything is measured, so that the numbers are the
    /// steady state and not the JIT compiling upload, job, poll and download code.</summary>
    private async Task WarmUpAsync(BulkApi api, CancellationToken cancellationToken)
    {
        var warmUp = await api.WriteAsync(data.WarmUp, "Accounts", "insert", null, cancellationToken);
        Expect(warmUp.Statuses, ("ADDED", data.WarmUp.Rows));
    }

    private Measurement Row(string scenario, string unit, string? baseline, string target)
    {
        var row = new Measurement(store.Name, scenario, unit, baseline, target);
        _rows[scenario] = row;
        return row;
    }

    private async Task ExpectCountAsync(string table, int rows, CancellationToken cancellationToken)
    {
        var count = await store.CountAsync(table, cancellationToken);
        if (count != rows)
        {
            throw new InvalidOperationException($"The baseline loaded {count} rows into {table}, expected {rows}.");
        }
    }

    private static void Expect(IReadOnlyDictionary<string, int> statuses, params (string Status, int Count)[] expected)
    {
        var wanted = expected.Where(e => e.Count > 0).ToDictionary(e => e.Status, e => e.Count);
        if (statuses.Count != wanted.Count || wanted.Any(w => statuses.GetValueOrDefault(w.Key) != w.Value))
        {
            throw new InvalidOperationException(
                $"Unexpected result file: {string.Join(", ", statuses.Select(s => $"{s.Key}={s.Value}"))}; expected {string.Join(", ", wanted.Select(w => $"{w.Key}={w.Value}"))}.");
        }
    }

    private void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {store.Name}: {message}");
}
