using System.Runtime.InteropServices;

namespace LoadGen;

/// <summary>What every mode shares: one pooled client, and signals that end a run with its summary.</summary>
internal static class Plumbing
{
    /// <summary>
    /// One client for the whole run: an open-loop generator opens as many connections as it has requests
    /// in flight, and keeps them for the run instead of paying a handshake per request. No proxy (loopback),
    /// no cookies (every request is anonymous), no redirects (a 302 is counted, not followed).
    /// </summary>
    public static HttpClient CreateClient(TimeSpan timeout) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = TimeSpan.FromHours(1),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
    }, disposeHandler: true)
    {
        Timeout = timeout,
    };

    /// <summary>SIGTERM or SIGINT cancel the run instead of killing the process, so it still prints its summary.</summary>
    public static PosixSignalRegistration CancelOn(PosixSignal signal, CancellationTokenSource stop) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
}
