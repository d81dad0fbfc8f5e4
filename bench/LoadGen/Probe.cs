using System.Diagnostics;

namespace LoadGen;

/// <summary>When the service answered as before again, counted from the start of the probe; null if it never did.</summary>
internal sealed record ProbeResult(double? RecoveredAfterMs, int Probes);

/// <summary>
/// Recovery after overload: one GET every 100 ms until an answer is both 2xx and under 100 ms, the
/// latency the endpoint has when idle. Each probe runs on its own, so a slow answer does not hold back
/// the next one and the measured time is not stretched by the probe itself.
/// </summary>
internal static class Probe
{
    private const double FastMs = 100;

    public static async Task<ProbeResult> RunAsync(HttpClient client, Uri url, double seconds)
    {
        var start = Stopwatch.GetTimestamp();
        var recovered = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var probes = 0;
        for (var tick = 0; tick * (FastMs / 1000) < seconds && !recovered.Task.IsCompleted; tick++)
        {
            var due = TimeSpan.FromMilliseconds(tick * FastMs) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.WhenAny(recovered.Task, Task.Delay(due));
            }
            if (!recovered.Task.IsCompleted)
            {
                probes++;
                _ = OneAsync(client, url, start, recovered);
            }
        }
        if (!recovered.Task.IsCompleted)
        {
            // The last probe may still be on its way; it only counts if it is fast anyway.
            await Task.WhenAny(recovered.Task, Task.Delay(TimeSpan.FromMilliseconds(FastMs)));
        }
        return new ProbeResult(recovered.Task.IsCompleted ? (double?)await recovered.Task : null, probes);
    }

    public static void Report(string label, ProbeResult result)
    {
        Console.WriteLine(result.RecoveredAfterMs is { } ms
            ? $"== {label}: the first 2xx under {FastMs} ms arrived {ms:F0} ms after the probe started ({result.Probes} probes)"
            : $"== {label}: no 2xx under {FastMs} ms in the probe's time ({result.Probes} probes)");
        Console.WriteLine(ResultLine.Write(w =>
        {
            w.WriteString("label", label);
            ResultLine.Ms(w, "recovered_after_ms", result.RecoveredAfterMs);
            w.WriteNumber("probes", result.Probes);
        }));
    }

    private static async Task OneAsync(HttpClient client, Uri url, long start, TaskCompletionSource<double> recovered)
    {
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(url);
            if (response.IsSuccessStatusCode && Stopwatch.GetElapsedTime(sent).TotalMilliseconds < FastMs)
            {
                recovered.TrySetResult(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // Refused, timed out, or cut off when the run ended: not recovered (yet).
        }
    }
}

/// <summary>The stand-alone probe: run it right after a load stops.</summary>
internal static class ProbeMode
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = new Uri(options.Required("url"));
        using var client = Plumbing.CreateClient(TimeSpan.FromSeconds(10));
        var result = await Probe.RunAsync(client, url, options.Number("seconds", 30));
        Probe.Report(options.Get("label") ?? "probe", result);
        return result.RecoveredAfterMs is null ? 1 : 0;
    }
}
