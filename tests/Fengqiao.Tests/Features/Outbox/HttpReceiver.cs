using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Fengqiao.Tests.Features.Outbox;

/// <summary>
/// Stands in for the systems that cannot run here (an SMS gateway, the 12345 hotline's webhook): a local HTTP server
/// that keeps every request it gets and answers with the status the test chooses, honouring the idempotency key as a
/// receiver should (a repeat is acknowledged and not counted again).
/// </summary>
public sealed class HttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, bool> _keys = new();

    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body, HttpStatusCode Answered, bool Repeat);

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    /// <summary>What the next requests are answered with (200 by default).</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public HttpReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _listener.Prefixes.Add($"{Url}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public IReadOnlyList<Received> All => [.. _received];

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var answer = Answer;
            var repeat = false;
            if (answer == HttpStatusCode.OK && headers.TryGetValue("Idempotency-Key", out var key))
            {
                repeat = !_keys.TryAdd(key, true);
            }
            _received.Enqueue(new Received(context.Request.Url!.AbsolutePath, headers, body, answer, repeat));
            context.Response.StatusCode = (int)answer;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
