using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// One run of the server binary with exactly the arguments and environment a test gives: no <c>--urls</c> and
/// no settings of <see cref="ServerProcess"/>'s, for tests of how the server starts (or refuses to). Its own
/// data directory (and, on a PostgreSQL run, database when <see cref="UseTestStore"/> is called).
/// </summary>
public sealed class ServerLaunch : IAsyncDisposable
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private string? _postgres;

    public ServerLaunch()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "biginbulk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
        DataDirectory = Path.Combine(WorkingDirectory, "data");
        Environment["BiginBulk__DataDirectory"] = DataDirectory;
        Environment["BiginBulk__Worker__PollInterval"] = "00:00:00.200";
    }

    public string WorkingDirectory { get; }

    public string DataDirectory { get; }

    public List<string> Arguments { get; } = [];

    /// <summary>Environment variables for the server; the test runner's own address settings are never passed on.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public string Stdout => Locked(_stdout);

    public string Stderr => Locked(_stderr);

    /// <summary>On a PostgreSQL run, points the server at a fresh database of the test cluster.</summary>
    public async Task UseTestStore()
    {
        _postgres = await TestStore.CreateDatabaseAsync();
        if (_postgres is not null)
        {
            Environment["BiginBulk__Storage__Provider"] = "PostgreSql";
            Environment["ConnectionStrings__BiginBulk"] = _postgres;
        }
    }

    /// <summary>Runs the server until it exits by itself, and returns its exit code.</summary>
    public async Task<int> RunToExitAsync(TimeSpan timeout)
    {
        var process = Start();
        using var wait = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(wait.Token);
        // The exit event can come before the last redirected lines: WaitForExit() without a timeout drains them.
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Starts the server and waits until <c>/healthz</c> at <paramref name="baseAddress"/> answers 200.</summary>
    public async Task StartAsync(Uri baseAddress)
    {
        var process = Start();
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{Stdout}\n{Stderr}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
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
                throw new TimeoutException($"The server did not answer {baseAddress}healthz within 60 s:\n{Stdout}\n{Stderr}");
            }

            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the running server (if any), keeping its data directory and database for another start.</summary>
    public async Task DisposeProcessAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeProcessAsync();
        if (_postgres is not null)
        {
            await TestStore.DropDatabaseAsync(_postgres);
        }

        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = WorkingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BiginBulk.Server.dll"));
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Locked(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
