using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace LoadGen;

/// <summary>
/// The steady write load of the crash test (bench/crash-loop.sh). A report counts as acknowledged only
/// once the server answered 2xx with its id and the line naming it is on disk (fsync): every line of
/// the file is a promise the server made, which the checker then looks for in the database after the
/// crashes. The server is killed and restarted underneath; refused connections just mean "try again".
/// </summary>
internal static class CrashWriter
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = new Uri(options.Required("url").TrimEnd('/') + "/open311/v2/requests.json");
        var path = options.Required("acked");
        var workers = options.Whole("workers", 8);
        var apiKey = options.Get("api-key") ?? "fengqiao-demo-open311";
        if (workers <= 0)
        {
            throw new ArgumentException("--workers must be positive.");
        }

        using var stop = new CancellationTokenSource();
        using var term = Plumbing.CancelOn(PosixSignal.SIGTERM, stop);
        using var interrupt = Plumbing.CancelOn(PosixSignal.SIGINT, stop);
        using var client = Plumbing.CreateClient(TimeSpan.FromSeconds(30));
        using var acked = new AckFile(path);
        var tally = new WriterTally();
        Console.WriteLine($"crash-writer: {workers} workers posting to {url}; acknowledged writes go to {path}");
        var work = Enumerable.Range(0, workers).Select(_ => WorkOrStopAllAsync(client, url, apiKey, acked, tally, stop)).ToList();
        await ReportEveryAsync(tally, TimeSpan.FromSeconds(5), stop.Token);
        await Task.WhenAll(work);
        Console.WriteLine($"crash-writer stopped: {tally.Describe()}");
        Console.WriteLine(ResultLine.Write(w =>
        {
            w.WriteString("label", "crash-writer");
            w.WriteNumber("acked", tally.Acked);
            w.WriteNumber("refused", tally.Refused);
            w.WriteNumber("failed", tally.Failed);
            w.WriteNumber("unreadable", tally.Unreadable);
        }));
        return 0;
    }

    /// <summary>A worker that fails for good (the file of acknowledged writes cannot be written) stops the run, loudly.</summary>
    private static async Task WorkOrStopAllAsync(HttpClient client, Uri url, string apiKey, AckFile acked, WriterTally tally, CancellationTokenSource stop)
    {
        try
        {
            await WorkAsync(client, url, apiKey, acked, tally, stop.Token);
        }
        catch (Exception)
        {
            stop.Cancel();
            throw;
        }
    }

    private static async Task WorkAsync(HttpClient client, Uri url, string apiKey, AckFile acked, WriterTally tally, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var token = "crash-" + Guid.NewGuid().ToString("N");
            var pause = false;
            try
            {
                using var content = new StringContent(
                    $"api_key={Uri.EscapeDataString(apiKey)}&service_code=tip&description={token}&lat=43.887&long=125.3076",
                    Encoding.UTF8, "application/x-www-form-urlencoded");
                using var response = await client.PostAsync(url, content, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                if (!response.IsSuccessStatusCode)
                {
                    // 503 while the database recovers, 429 if a limit is left on: not acknowledged, try again.
                    tally.Refuse();
                    pause = true;
                }
                else if (ServiceRequestId(body) is { } id)
                {
                    acked.Append(token, id);
                    tally.Acknowledge();
                }
                else
                {
                    tally.CannotRead();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // Refused or cut off: the server is being killed and restarted under us.
                tally.Fail();
                pause = true;
            }
            if (pause)
            {
                await PauseAsync(stop);
            }
        }
    }

    /// <summary>The first element's service_request_id of an Open311 POST answer.</summary>
    private static string? ServiceRequestId(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0
                && root[0].ValueKind == JsonValueKind.Object
                && root[0].TryGetProperty("service_request_id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task PauseAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(50, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop sees the token.
        }
    }

    private static async Task ReportEveryAsync(WriterTally tally, TimeSpan period, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Console.WriteLine($"{DateTime.Now:HH:mm:ss} {tally.Describe()}");
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by SIGTERM or SIGINT.
        }
    }
}

/// <summary>
/// The file of acknowledged writes, one "token TAB service_request_id" line each. Each line goes to disk
/// (write-through and fsync) before the write is counted, so a crash of this process cannot leave
/// the file claiming less than the server acknowledged, nor more.
/// </summary>
internal sealed class AckFile(string path) : IDisposable
{
    private readonly FileStream file = new(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0, FileOptions.WriteThrough);
    private readonly Lock gate = new();

    public void Append(string token, string id)
    {
        var line = Encoding.UTF8.GetBytes($"{token}\t{id}\n");
        lock (gate)
        {
            file.Write(line);
            file.Flush(flushToDisk: true);
        }
    }

    public void Dispose() => file.Dispose();
}

/// <summary>What the workers did; read by the reporter while they run.</summary>
internal sealed class WriterTally
{
    private int acked;
    private int refused;
    private int failed;
    private int unreadable;

    public int Acked => Volatile.Read(ref acked);
    public int Refused => Volatile.Read(ref refused);
    public int Failed => Volatile.Read(ref failed);
    public int Unreadable => Volatile.Read(ref unreadable);

    public void Acknowledge() => Interlocked.Increment(ref acked);
    public void Refuse() => Interlocked.Increment(ref refused);
    public void Fail() => Interlocked.Increment(ref failed);
    public void CannotRead() => Interlocked.Increment(ref unreadable);

    public string Describe() =>
        $"acked {Acked}, refused (non-2xx) {Refused}, failed (no answer) {Failed}, unreadable 2xx {Unreadable}";
}
