using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// The real BiginBulk server as a child process on a free loopback port, with its own data directory.
/// Tests talk to it over HTTP exactly as users do. It can be killed (SIGKILL) and started again on the
/// same data directory, for crash tests.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly List<string> _output = [];
    private Process? _process;
    private bool _sharedStore;
    private bool _startedTogether;

    private ServerProcess(string dataDirectory, Dictionary<string, string> settings)
    {
        DataDirectory = dataDirectory;
        _settings = settings;
    }

    public string DataDirectory { get; }

    /// <summary>The configuration the next <see cref="StartAgainAsync"/> passes (tests change it between runs).</summary>
    public IDictionary<string, string> Settings => _settings;

    public Uri BaseAddress { get; private set; } = null!;

    public Bootstrap Credentials { get; private set; } = null!;

    /// <summary>What the server printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts a server on a new, empty data directory. <paramref name="settings"/> are
    /// configuration keys (<c>BiginBulk:Limits:MaxRowsPerFile</c>) passed as environment variables.</summary>
    public static async Task<ServerProcess> StartAsync(IDictionary<string, string>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "biginbulk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var server = new ServerProcess(directory, new Dictionary<string, string>(settings ?? new Dictionary<string, string>()));
        server.PostgresConnectionString = await TestStore.CreateDatabaseAsync();
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>
    /// Starts another node of <paramref name="first"/>'s cluster: on PostgreSQL it shares the database and has a
    /// data directory of its own; on SQLite it shares the data directory (several processes over one file).
    /// It uses the first node's credentials, and disposing it leaves the shared store to the first node.
    /// </summary>
    public static async Task<ServerProcess> StartNodeAsync(ServerProcess first, IDictionary<string, string> settings)
    {
        var directory = first.PostgresConnectionString is null
            ? first.DataDirectory
            : Path.Combine(Path.GetTempPath(), "biginbulk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var node = new ServerProcess(directory, new Dictionary<string, string>(settings))
        {
            PostgresConnectionString = first.PostgresConnectionString,
            _sharedStore = true,
            Credentials = first.Credentials,
        };
        await node.StartAgainAsync();
        return node;
    }

    /// <summary>
    /// Starts <paramref name="count"/> nodes at the same moment over one fresh, empty store (one PostgreSQL
    /// database with a data directory per node, or on the SQLite run one shared data directory), so they race to
    /// bootstrap it. Every node gets the credentials of the bootstrap.json that was written; the first node owns
    /// the store and cleans it up.
    /// </summary>
    public static async Task<ServerProcess[]> StartTogetherAsync(int count, Func<int, IDictionary<string, string>> settings)
    {
        var first = Path.Combine(Path.GetTempPath(), "biginbulk-tests", Guid.NewGuid().ToString("N"));
        var database = await TestStore.CreateDatabaseAsync();
        var nodes = Enumerable.Range(0, count).Select(i =>
        {
            var directory = i == 0 || database is null ? first : Path.Combine(Path.GetTempPath(), "biginbulk-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new ServerProcess(directory, new Dictionary<string, string>(settings(i)))
            {
                PostgresConnectionString = database,
                _sharedStore = i > 0,
                _startedTogether = true,
            };
        }).ToArray();
        await Task.WhenAll(nodes.Select(n => n.StartAgainAsync()));

        var written = nodes.Select(n => n.BootstrapFile).Distinct(StringComparer.Ordinal).Where(File.Exists).ToList();
        if (written.Count > 0)
        {
            var credentials = JsonSerializer.Deserialize<Bootstrap>(await File.ReadAllTextAsync(written[0]))!;
            foreach (var node in nodes)
            {
                node.Credentials = credentials;
            }
        }

        return nodes;
    }

    /// <summary>Where this node's bootstrap.json is, if it wrote one.</summary>
    public string BootstrapFile => Path.Combine(DataDirectory, "data", "bootstrap.json");

    /// <summary>On a PostgreSQL run (<c>BIGINBULK_TEST_STORE=postgres</c>): this server's own, fresh database.</summary>
    public string? PostgresConnectionString { get; private set; }

    /// <summary>The store settings the server and the admin tool get, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> StoreEnvironment => PostgresConnectionString is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            ["BiginBulk__Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__BiginBulk"] = PostgresConnectionString,
        };

    /// <summary>Starts the server process (again) on this data directory, on a new port.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The server is already running.");
        }

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        start.ArgumentList.Add(ServerDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["BiginBulk__DataDirectory"] = Path.Combine(DataDirectory, "data");
        start.Environment["BiginBulk__Worker__PollInterval"] = "00:00:00.200";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in StoreEnvironment)
        {
            start.Environment[key] = value;
        }
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The server did not answer /healthz within 60 s:\n{Output}");
            }

            await Task.Delay(100);
        }

        var bootstrap = BootstrapFile;
        if ((!_sharedStore && !_startedTogether) || File.Exists(bootstrap))
        {
            Credentials = JsonSerializer.Deserialize<Bootstrap>(await File.ReadAllTextAsync(bootstrap))!;
        }
    }

    /// <summary>Asks the server to stop (SIGTERM), as an orchestrator does, and returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(wait.Token);
        return process.ExitCode;
    }

    /// <summary>Kills the server at once (SIGKILL): no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (_sharedStore)
        {
            // Another node owns the store (and, on SQLite, the data directory).
            if (PostgresConnectionString is not null)
            {
                TryDeleteDirectory(DataDirectory);
            }

            return;
        }

        if (PostgresConnectionString is not null)
        {
            await TestStore.DropDatabaseAsync(PostgresConnectionString);
        }
        TryDeleteDirectory(DataDirectory);
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying process; the temp directory is cleaned by the OS eventually.
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ServerDll()
    {
        // The project reference copies the server next to the tests.
        var path = Path.Combine(AppContext.BaseDirectory, "BiginBulk.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("BiginBulk.Server.dll is not next to the tests.", path);
    }
}
