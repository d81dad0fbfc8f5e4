using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace LoadGen;

/// <summary>
/// Warm latency of one kind of request, as a user sees it: signed in (cookie), one request at a time
/// (closed loop, so the figure is the server's answer time, not queueing), after a warm-up. The URL
/// and body may take the blanks of <see cref="Template"/>, so that every page or every resident of a list is
/// asked for, not one cached answer.
/// </summary>
internal static class LatencyMode
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Required("url");
        var requests = options.Whole("requests", 500);
        var warmup = options.Whole("warmup", 50);
        var method = options.Get("method") ?? "GET";
        var json = options.Get("json");
        var label = options.Get("label") ?? url;
        var template = await Template.LoadAsync(options);
        // Its own client: unlike the open-loop modes, this one keeps the sign-in cookie.
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = true, AllowAutoRedirect = false }, disposeHandler: true)
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (options.Get("login") is { } login)
        {
            var (user, password) = (login[..login.IndexOf(':', StringComparison.Ordinal)], login[(login.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            var signIn = await client.PostAsJsonAsync(new Uri(new Uri(url), "/api/account/login"), new { userName = user, password });
            if (!signIn.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"sign-in as {user} failed: {(int)signIn.StatusCode}");
                return 1;
            }
        }
        var times = new List<double>(requests);
        var failures = 0;
        for (var n = 0; n < warmup + requests; n++)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), template.Fill(url, n));
            if (json is not null)
            {
                request.Content = new StringContent(template.Fill(json, n), Encoding.UTF8, "application/json");
            }
            var start = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (n < warmup)
            {
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                failures++;
            }
            times.Add(ms);
        }
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {label}: {times.Count} requests, {failures} not 2xx; p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {times[^1]:F1} ms"));
        return failures == 0 ? 0 : 1;
    }
}
