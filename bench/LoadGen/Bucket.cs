using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LoadGen;

/// <summary>Percentiles of one class of answers; the figures the scripts compare against their bounds.</summary>
internal sealed record LatencySummary(int Count, int WithRetryAfter, double? P50, double? P95, double? P99, double? Max);

/// <summary>
/// The latencies of one class of answers (2xx, 429, other 4xx, 5xx, transport errors), every one kept
/// and sorted at the end, so the percentiles are exact rather than estimated from a histogram.
/// </summary>
internal sealed class Bucket
{
    private readonly List<double> latencies = [];
    private readonly Lock gate = new();
    private int withRetryAfter;

    public void Add(double ms, bool retryAfter)
    {
        lock (gate)
        {
            latencies.Add(ms);
            if (retryAfter)
            {
                withRetryAfter++;
            }
        }
    }

    public LatencySummary Summarize()
    {
        double[] sorted;
        int retried;
        lock (gate)
        {
            sorted = [.. latencies];
            retried = withRetryAfter;
        }
        Array.Sort(sorted);
        return sorted.Length == 0
            ? new LatencySummary(0, retried, null, null, null, null)
            : new LatencySummary(sorted.Length, retried, Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile: a latency that was really observed.</summary>
    private static double Rank(double[] sorted, double percent)
    {
        var index = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}

/// <summary>Writes the one-line JSON the scripts read after "RESULT ".</summary>
internal static class ResultLine
{
    public static string Write(Action<Utf8JsonWriter> fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            fields(writer);
            writer.WriteEndObject();
        }
        return "RESULT " + Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Milliseconds to two decimals, or null when nothing was measured (JSON has no NaN).</summary>
    public static void Ms(Utf8JsonWriter writer, string name, double? ms)
    {
        if (ms is { } value)
        {
            writer.WriteNumber(name, Math.Round(value, 2));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A figure for the human table: "-" when nothing was measured.</summary>
    public static string Cell(double? ms) => ms is { } value ? value.ToString("F1", CultureInfo.InvariantCulture) : "-";
}
