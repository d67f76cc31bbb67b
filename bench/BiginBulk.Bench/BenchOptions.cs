using System.Globalization;

namespace BiginBulk.Bench;

/// <summary>The command line of the harness (bench/run.sh passes the paths and the PostgreSQL cluster).</summary>
internal sealed class BenchOptions
{
    public IReadOnlyList<string> Stores { get; private set; } = ["sqlite", "postgres"];

    public int Rows { get; private set; } = 200_000;

    public int Runs { get; private set; } = 3;

    public int MemoryRows { get; private set; } = 1_000_000;

    public int ZohoRows { get; private set; } = 25_000;

    public int Seed { get; private set; } = 20_251_202;

    public int PollMilliseconds { get; private set; } = 100;

    public bool Quick { get; private set; }

    public bool SkipMemory { get; private set; }

    /// <summary>Only scenario 1 (with its poll and memory rows) in each run: the quick loop while profiling the
    /// write path.</summary>
    public bool InsertOnly { get; private set; }

    public string ServerDll { get; private set; } = "";

    public string WorkDirectory { get; private set; } = "";

    public string Output { get; private set; } = "bench/results/latest.json";

    public string? PostgresHost { get; private set; }

    public int PostgresPort { get; private set; }

    public string? PgLoader { get; private set; }

    public string Commit { get; private set; } = "";

    public string Command { get; private set; } = "";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        int? rows = null, runs = null, memoryRows = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (name)
            {
                case "--store":
                    var store = Value();
                    options.Stores = store switch
                    {
                        "both" => ["sqlite", "postgres"],
                        "sqlite" or "postgres" => [store],
                        _ => throw new ArgumentException($"--store is sqlite, postgres or both, not {store}."),
                    };
                    break;
                case "--rows": rows = Number(); break;
                case "--runs": runs = Number(); break;
                case "--memory-rows": memoryRows = Number(); break;
                case "--zoho-rows": options.ZohoRows = Number(); break;
                case "--seed": options.Seed = Number(); break;
                case "--poll-ms": options.PollMilliseconds = Number(); break;
                case "--quick": options.Quick = true; break;
                case "--no-memory": options.SkipMemory = true; break;
                case "--insert-only": options.InsertOnly = true; break;
                case "--server-dll": options.ServerDll = Value(); break;
                case "--work": options.WorkDirectory = Value(); break;
                case "--out": options.Output = Value(); break;
                case "--pg-host": options.PostgresHost = Value(); break;
                case "--pg-port": options.PostgresPort = Number(); break;
                case "--pgloader": options.PgLoader = Value(); break;
                case "--commit": options.Commit = Value(); break;
                case "--command": options.Command = Value(); break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }

        // --quick: a run that fits in minutes; explicit --rows/--runs/--memory-rows still win.
        options.Rows = rows ?? (options.Quick ? 20_000 : 200_000);
        options.Runs = runs ?? (options.Quick ? 1 : 3);
        options.MemoryRows = memoryRows ?? options.Rows * 5;
        if (options.Rows < 10 || options.Runs < 1 || options.MemoryRows < 1 || options.ZohoRows < 1)
        {
            throw new ArgumentException("--rows must be at least 10, --runs, --memory-rows and --zoho-rows at least 1.");
        }

        if (options.ServerDll.Length == 0 || options.WorkDirectory.Length == 0)
        {
            throw new ArgumentException("--server-dll and --work are required (bench/run.sh passes them).");
        }

        if (options.Stores.Contains("postgres") && (options.PostgresHost is null || options.PostgresPort == 0))
        {
            throw new ArgumentException("The postgres store needs --pg-host and --pg-port (bench/run.sh starts the cluster).");
        }

        return options;
    }
}
