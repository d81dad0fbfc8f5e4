using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LoadGen;

/// <summary>
/// Open-loop load: request i leaves at t0 + i/N whether or not the earlier ones were answered, as
/// independent clients do. A closed loop (wrk's) slows down with the server and so hides overload;
/// here a slow server faces a growing crowd, and what it does with the excess (429 at once, or a
/// queue that ruins everyone's latency) is what the run measures.
/// </summary>
internal static class RateMode
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = new Uri(options.Required("url"));
        var rps = options.Number("rps", 0);
        var seconds = options.Number("seconds", 10);
        var cap = options.Whole("concurrency-cap", 2000);
        var form = options.Get("form");
        var json = options.Get("json");
        var method = new HttpMethod((options.Get("method") ?? (form is null && json is null ? "GET" : "POST")).ToUpperInvariant());
        var label = options.Get("label") ?? $"{method} {url.PathAndQuery} at {rps}/s";
        var probeUrl = options.Get("probe-url");
        var probeSeconds = options.Number("probe-seconds", 30);
        if (rps <= 0 || seconds <= 0 || cap <= 0)
        {
            throw new ArgumentException("--rps, --seconds and --concurrency-cap must be positive.");
        }
        if (form is not null && json is not null)
        {
            throw new ArgumentException("Give --form or --json, not both.");
        }

        var template = await Template.LoadAsync(options);
        using var client = Plumbing.CreateClient(TimeSpan.FromSeconds(options.Number("timeout", 30)));
        // A warm-up at the same rate, not counted: a fresh generator's own first second (its code not yet compiled
        // for speed, its connections not yet open) would otherwise be measured as the server's latency.
        // The measured run follows on at once, so the server sees one steady rate.
        var warmup = options.Number("warmup-seconds", 0);
        var warming = warmup > 0 ? (await PaceAsync(client, method, url, template, form, json, rps, warmup, cap, new RateRun())).Pending : [];
        var run = new RateRun();
        var (start, lateMs, pending) = await PaceAsync(client, method, url, template, form, json, rps, seconds, cap, run);
        var sentAt = Stopwatch.GetElapsedTime(start);
        // Recovery is timed from the end of the offered load, while the backlog still drains.
        var probe = probeUrl is null ? null : Probe.RunAsync(client, new Uri(probeUrl), probeSeconds);
        await Task.WhenAll(pending);
        await Task.WhenAll(warming);
        var drainMs = (Stopwatch.GetElapsedTime(start) - sentAt).TotalMilliseconds;
        Report(label, rps, seconds, cap, run, lateMs, drainMs);
        if (options.Get("by-second") is "1" or "true")
        {
            Console.WriteLine($"   by second sent (2xx: count p99 max ms / 429 count): {run.BySecond()}");
        }
        if (probe is not null)
        {
            Probe.Report(label + "-recovery", await probe);
        }
        return 0;
    }

    /// <summary>
    /// Sends request i at start + i/rps. The schedule keeps its own thread: on the pool it would wait behind the
    /// answers it set off, and a generator that falls behind sends in bursts, which the server then pays for in latency.
    /// </summary>
    private static async Task<(long Start, double LateMs, List<Task> Pending)> PaceAsync(HttpClient client, HttpMethod method, Uri url,
        Template template, string? form, string? json, double rps, double seconds, int cap, RateRun run)
    {
        var total = (long)Math.Round(rps * seconds);
        var pending = new List<Task>();
        var lateMs = 0.0;
        var start = Stopwatch.GetTimestamp();
        var paced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            long next = 0;
            while (next < total)
            {
                var now = Stopwatch.GetElapsedTime(start).TotalSeconds;
                while (next < total && next / rps <= now)
                {
                    lateMs = Math.Max(lateMs, (now - (next / rps)) * 1000);
                    if (run.TryEnter(cap))
                    {
                        pending.Add(SendAsync(client, method, url, Body(template, form, json, next), run, (int)(next / rps)));
                    }
                    next++;
                }
                if (next < total)
                {
                    // A sleep lasts about a millisecond at least: what falls due meanwhile leaves together.
                    var waitMs = ((next / rps) - Stopwatch.GetElapsedTime(start).TotalSeconds) * 1000;
                    Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, waitMs)));
                }
            }
            paced.SetResult();
        }) { IsBackground = true, Name = "pacer" };
        pacer.Start();
        await paced.Task;
        return (start, lateMs, pending);
    }

    private static StringContent? Body(Template template, string? form, string? json, long n) =>
        form is not null ? new StringContent(template.Fill(form, n), Encoding.UTF8, "application/x-www-form-urlencoded")
        : json is not null ? new StringContent(template.Fill(json, n), Encoding.UTF8, "application/json")
        : null;

    private static async Task SendAsync(HttpClient client, HttpMethod method, Uri url, StringContent? body, RateRun run, int second)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(method, url) { Content = body };
            using var response = await client.SendAsync(request);
            run.Answer((int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.Headers.RetryAfter is not null, second);
        }
        catch (HttpRequestException e)
        {
            run.Fail(e.HttpRequestError.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (TaskCanceledException)
        {
            run.Fail("Timeout", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            run.Exit();
        }
    }

    private static void Report(string label, double rps, double seconds, int cap, RateRun run, double lateMs, double drainMs)
    {
        var ok = run.Ok.Summarize();
        var tooMany = run.TooMany.Summarize();
        var other = run.Other.Summarize();
        var server = run.Server.Summarize();
        var errors = run.Errors.Summarize();
        var codes = run.Codes();
        var errorKinds = run.ErrorKinds();

        var table = new StringBuilder();
        table.AppendLine($"== {label}: {rps:F0} req/s offered for {seconds:F0} s; sent {run.Sent}, dropped {run.Dropped} (cap {cap} in flight); "
            + $"sends late by up to {lateMs:F1} ms; last answer {drainMs:F0} ms after the last send");
        table.AppendLine($"   {"class",-18}{"count",8}{"per s",10}{"p50 ms",10}{"p95 ms",10}{"p99 ms",10}{"max ms",10}");
        void Row(string name, LatencySummary s) =>
            table.AppendLine($"   {name,-18}{s.Count,8}{s.Count / seconds,10:F1}{ResultLine.Cell(s.P50),10}{ResultLine.Cell(s.P95),10}{ResultLine.Cell(s.P99),10}{ResultLine.Cell(s.Max),10}");
        Row("2xx", ok);
        Row($"429 ({tooMany.WithRetryAfter} R-A)", tooMany);
        Row("other 1xx-4xx", other);
        Row("5xx", server);
        Row("transport errors", errors);
        table.AppendLine($"   status codes: {(codes.Length == 0 ? "none" : string.Join(", ", codes.Select(c => $"{c.Key} x{c.Value}")))}");
        if (errorKinds.Length > 0)
        {
            table.AppendLine($"   errors: {string.Join(", ", errorKinds.Select(e => $"{e.Key} x{e.Value}"))}");
        }
        Console.Write(table.ToString());

        Console.WriteLine(ResultLine.Write(w =>
        {
            w.WriteString("label", label);
            w.WriteNumber("offered_rps", rps);
            w.WriteNumber("seconds", seconds);
            w.WriteNumber("sent", run.Sent);
            w.WriteNumber("dropped", run.Dropped);
            w.WriteNumber("ok", ok.Count);
            w.WriteNumber("ok_rps", Math.Round(ok.Count / seconds, 1));
            ResultLine.Ms(w, "ok_p50_ms", ok.P50);
            ResultLine.Ms(w, "ok_p95_ms", ok.P95);
            ResultLine.Ms(w, "ok_p99_ms", ok.P99);
            ResultLine.Ms(w, "ok_max_ms", ok.Max);
            w.WriteNumber("r429", tooMany.Count);
            w.WriteNumber("r429_with_retry_after", tooMany.WithRetryAfter);
            ResultLine.Ms(w, "r429_p99_ms", tooMany.P99);
            w.WriteNumber("other4xx", other.Count);
            w.WriteNumber("r5xx", server.Count);
            w.WriteNumber("errors", errors.Count);
            ResultLine.Ms(w, "late_max_ms", lateMs);
            ResultLine.Ms(w, "drain_ms", drainMs);
            w.WriteStartObject("codes");
            foreach (var (code, count) in codes)
            {
                w.WriteNumber(code.ToString(CultureInfo.InvariantCulture), count);
            }
            w.WriteEndObject();
            w.WriteStartObject("error_kinds");
            foreach (var (kind, count) in errorKinds)
            {
                w.WriteNumber(kind, count);
            }
            w.WriteEndObject();
        }));
    }
}

/// <summary>
/// The tallies of one rate run. Sends come from the one scheduling loop; answers arrive on pool
/// threads, hence the lock and the interlocked in-flight count.
/// </summary>
internal sealed class RateRun
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, int> codes = new();
    private readonly SortedDictionary<string, int> errorKinds = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, (Bucket Ok, int Refused)> seconds = [];
    private int inFlight;

    public Bucket Ok { get; } = new();
    public Bucket TooMany { get; } = new();
    /// <summary>Any other answer below 500 that is not 2xx (401, 404, 423, a redirect …).</summary>
    public Bucket Other { get; } = new();
    public Bucket Server { get; } = new();
    public Bucket Errors { get; } = new();
    public long Sent { get; private set; }
    public long Dropped { get; private set; }

    /// <summary>
    /// Called by the scheduling loop only. A request over the cap is dropped, not delayed, so the
    /// rate offered stays the rate asked for; the drops are reported.
    /// </summary>
    public bool TryEnter(int cap)
    {
        if (Volatile.Read(ref inFlight) >= cap)
        {
            Dropped++;
            return false;
        }
        Interlocked.Increment(ref inFlight);
        Sent++;
        return true;
    }

    public void Exit() => Interlocked.Decrement(ref inFlight);

    public void Answer(int status, double ms, bool retryAfter, int second)
    {
        lock (gate)
        {
            codes[status] = (codes.TryGetValue(status, out var n) ? n : 0) + 1;
            if (!seconds.TryGetValue(second, out var s))
            {
                seconds[second] = s = (new Bucket(), 0);
            }
            if (status is >= 200 and < 300)
            {
                s.Ok.Add(ms, false);
            }
            else if (status == 429)
            {
                seconds[second] = (s.Ok, s.Refused + 1);
            }
        }
        var bucket = status switch
        {
            >= 200 and < 300 => Ok,
            429 => TooMany,
            >= 500 => Server,
            _ => Other,
        };
        bucket.Add(ms, retryAfter);
    }

    public void Fail(string kind, double ms)
    {
        lock (gate)
        {
            errorKinds[kind] = (errorKinds.TryGetValue(kind, out var n) ? n : 0) + 1;
        }
        Errors.Add(ms, false);
    }

    /// <summary>Where in the run the slow answers were: each second of sending, its 2xx count, p99 and max, and its 429s.</summary>
    public string BySecond()
    {
        lock (gate)
        {
            return string.Join("; ", seconds.Select(p =>
            {
                var ok = p.Value.Ok.Summarize();
                return $"{p.Key}: {ok.Count} {ResultLine.Cell(ok.P99)} {ResultLine.Cell(ok.Max)} / {p.Value.Refused}";
            }));
        }
    }

    public KeyValuePair<int, int>[] Codes()
    {
        lock (gate)
        {
            return [.. codes];
        }
    }

    public KeyValuePair<string, int>[] ErrorKinds()
    {
        lock (gate)
        {
            return [.. errorKinds];
        }
    }
}
