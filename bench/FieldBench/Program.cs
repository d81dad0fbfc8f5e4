// The staff app on a phone: how much the app shell weighs on first load (as sent, and gzip-compressed as a
// compressing proxy would send it), and how fast a worklist opens from the service worker's cache with
// Chromium's CPU throttled x4 and a slow-3G network (and with no network at all).
// Usage: FieldBench <base-url> [runs]; the app runs with demo data (bench/field-phone.sh starts it).
using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5080";
var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Args = ["--no-sandbox", "--disable-gpu"] });
var context = await browser.NewContextAsync(new()
{
    BaseURL = baseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true,
});
var page = await context.NewPageAsync();
await page.GotoAsync("/account/login");
await page.FillAsync("#Input_UserName", "demo.officer");
await page.FillAsync("#Input_Password", "Fengqiao-2024");
await page.ClickAsync("#login-form button[type=submit]");
await page.WaitForURLAsync(baseUrl + "/");

// First load of the shell: a fresh page of the home worklist, every same-origin response it fetched.
var sizes = new List<(string Url, long Sent, long Gzip)>();
page.Response += async (_, r) =>
{
    try
    {
        var body = await r.BodyAsync();
        using var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true)) { z.Write(body); }
        lock (sizes) { sizes.Add((r.Url, body.Length, gz.Length)); }
    }
    catch (PlaywrightException) { /* redirects have no body */ }
};
await page.GotoAsync("/disputes?view=Mine", new() { WaitUntil = WaitUntilState.NetworkIdle });
await page.WaitForTimeoutAsync(500);
lock (sizes)
{
    var shell = sizes.Where(s => !s.Url.Contains("/sw.js") && !s.Url.Contains("/lib/workbox/")).ToList();
    Console.WriteLine($"first load of /disputes: {shell.Count} responses, {shell.Sum(s => s.Sent) / 1024.0:F0} KB as sent, {shell.Sum(s => s.Gzip) / 1024.0:F0} KB gzip");
    foreach (var s in shell.OrderByDescending(s => s.Gzip)) { Console.WriteLine($"  {s.Gzip / 1024.0,7:F1} KB gzip  {s.Sent / 1024.0,7:F1} KB  {s.Url.Replace(baseUrl, "")}"); }
}

// The service worker is installed and has cached the worklist; wait for it to control the page.
await page.EvaluateAsync("() => navigator.serviceWorker.ready");
await page.ReloadAsync();
var controlled = await page.EvaluateAsync<bool>("() => !!navigator.serviceWorker.controller");
Console.WriteLine($"service worker controls the page: {controlled}");

var cdp = await context.NewCDPSessionAsync(page);
await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
await cdp.SendAsync("Network.enable");
// DevTools' "Slow 3G": 2 s round trip, 500 kbit/s down and up (x0.8 as DevTools applies it).
await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
{
    ["offline"] = false, ["latency"] = 2000, ["downloadThroughput"] = 500 * 1024 / 8 * 0.8, ["uploadThroughput"] = 500 * 1024 / 8 * 0.8,
});

async Task<List<double>> Measure(string label, string path)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load, Timeout = 120000 });
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{label}: median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms ({runs} runs)");
    return times;
}

// With no signal: the worklist itself from the cache (NetworkFirst falls back at once when the network fails).
await context.SetOfflineAsync(true);
await Measure("offline, CPU x4: cached /disputes?view=Mine opens in", "/disputes?view=Mine");
await context.SetOfflineAsync(false);
// Slow 3G: the page comes over the network (2 s round trip), the shell from the precache.
await Measure("slow 3G, CPU x4: /disputes?view=Mine (page from network, shell from cache) opens in", "/disputes?view=Mine");
