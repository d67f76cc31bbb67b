using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace BiginBulk.Bench;

/// <summary>
/// One fresh Release server process on a throwaway store (its own data directory, and on PostgreSQL its own
/// database), limits raised by configuration. Its PID goes to <c>server.pids</c> so that bench/run.sh can end it
/// even if this driver dies; disposing kills it.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerHost(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public string AccessToken { get; private set; } = "";

    public string OrgId { get; private set; } = "";

    public int ProcessId => _process.Id;

    public static async Task<ServerHost> StartAsync(BenchOptions options, string name, IReadOnlyDictionary<string, string> storeSettings, int maxRows, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(options.WorkDirectory, "servers", name);
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(Path.GetFullPath(options.ServerDll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        var settings = new Dictionary<string, string>
        {
            ["BiginBulk__DataDirectory"] = Path.Combine(directory, "data"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["BiginBulk__Worker__PollInterval"] = "00:00:00.200",
            ["BiginBulk__Limits__MaxRowsPerFile"] = (maxRows + 1).ToString(CultureInfo.InvariantCulture),
            ["BiginBulk__Limits__MaxUploadBytes"] = (4L << 30).ToString(CultureInfo.InvariantCulture),
            ["BiginBulk__Limits__MaxUncompressedBytes"] = (16L << 30).ToString(CultureInfo.InvariantCulture),
            ["BiginBulk__Limits__ReadDownloadsPerMinute"] = "1000",
        };
        foreach (var (key, value) in storeSettings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var logPath = Path.Combine(directory, "server.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        await File.AppendAllTextAsync(Path.Combine(options.WorkDirectory, "server.pids"), process.Id.ToString(CultureInfo.InvariantCulture) + "\n", cancellationToken);
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new ServerHost(process, log, baseAddress, logPath);
        try
        {
            await host.WaitUntilReadyAsync(directory, cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>The peak resident set of the server process so far (VmHWM of /proc/PID/status), in bytes.</summary>
    public long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines(string.Create(CultureInfo.InvariantCulture, $"/proc/{_process.Id}/status")))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("VmHWM is missing from /proc/PID/status.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync(string directory, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}; see {LogPath}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The server did not answer /healthz within 120 s; see {LogPath}.");
            }

            await Task.Delay(100, cancellationToken);
        }

        using var bootstrap = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "data", "bootstrap.json"), cancellationToken));
        AccessToken = bootstrap.RootElement.GetProperty("access_token").GetString()!;
        OrgId = bootstrap.RootElement.GetProperty("org_id").GetString()!;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream is not null)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
