using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace LoadGen;

/// <summary>
/// The server's resident memory while it is loaded ("memory stays flat"): VmRSS from /proc every
/// 500 ms, one "unix-ms TAB MB" line each, flushed at once so a script can read the file while the
/// sampler still runs or after it was stopped with SIGTERM.
/// </summary>
internal static class RssMode
{
    public static async Task<int> RunAsync(Options options)
    {
        var pid = options.Whole("pid", 0);
        var seconds = options.Number("seconds", 60);
        var path = options.Required("out");
        var label = options.Get("label") ?? "rss";
        if (pid <= 0)
        {
            throw new ArgumentException("--pid is required.");
        }

        using var stop = new CancellationTokenSource();
        using var term = Plumbing.CancelOn(PosixSignal.SIGTERM, stop);
        using var interrupt = Plumbing.CancelOn(PosixSignal.SIGINT, stop);
        using var output = new StreamWriter(path, append: false) { AutoFlush = true };
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var status = $"/proc/{pid}/status";
        var samples = new List<double>();
        var start = Stopwatch.GetTimestamp();
        do
        {
            if (ReadRssKb(status) is not { } kb)
            {
                break;
            }
            var mb = kb / 1024.0;
            samples.Add(mb);
            output.WriteLine($"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}\t{mb.ToString("F1", CultureInfo.InvariantCulture)}");
        }
        while (Stopwatch.GetElapsedTime(start).TotalSeconds < seconds && await TickAsync(timer, stop.Token));

        if (samples.Count == 0)
        {
            Console.Error.WriteLine($"No process {pid} (or no VmRSS in {status}).");
            return 1;
        }
        Console.WriteLine($"== {label}: {samples.Count} samples of pid {pid}: first {samples[0]:F1} MB, min {samples.Min():F1} MB, "
            + $"max {samples.Max():F1} MB, last {samples[^1]:F1} MB");
        Console.WriteLine(ResultLine.Write(w =>
        {
            w.WriteString("label", label);
            w.WriteNumber("samples", samples.Count);
            w.WriteNumber("first_mb", Math.Round(samples[0], 1));
            w.WriteNumber("min_mb", Math.Round(samples.Min(), 1));
            w.WriteNumber("max_mb", Math.Round(samples.Max(), 1));
            w.WriteNumber("last_mb", Math.Round(samples[^1], 1));
        }));
        return 0;
    }

    /// <summary>The "VmRSS:   123456 kB" line; null once the process is gone.</summary>
    private static long? ReadRssKb(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var value = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? (long?)kb : null;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between two samples.
        }
        return null;
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
