using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>A real HTTP listener on loopback that records every request a callback sends it.</summary>
public sealed class CallbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<ReceivedCallback> _received = Channel.CreateUnbounded<ReceivedCallback>();

    public CallbackReceiver()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public string Url { get; }

    /// <summary>The status the receiver answers with; 200 unless a test makes it fail.</summary>
    public int Status { get; set; } = 200;

    /// <summary>Waits for the next callback (at most 30 s).</summary>
    public async Task<ReceivedCallback> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public void Dispose() => _listener.Close();

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            _received.Writer.TryWrite(new ReceivedCallback(context.Request.HttpMethod, context.Request.ContentType, body));
            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record ReceivedCallback(string Method, string? ContentType, string Body);
