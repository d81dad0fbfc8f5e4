using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// The real app on a real port (Kestrel) with demo data on a fresh SQLite file, and Debian's
/// Chromium driven by Playwright. No browser is downloaded: CHROMIUM_PATH or /usr/bin/chromium.
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fengqiao-browser-").FullName;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = "";
    public string? SkipReason { get; private set; }

    private static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public virtual async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var message = $"Chromium is not installed at {ChromiumPath}; scripts/test.sh installs it.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(message);
            }
            SkipReason = message;
            return;
        }
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Fengqiao", $"Data Source={Path.Combine(_folder, "browser.db")}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Privacy:Keys:t1", "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMzJieXQ=");
        builder.UseSetting("Privacy:HashKey", "dGVzdC1oYXNoLWtleS10ZXN0LWhhc2gta2V5LTMyYnk=");
        // The stories sign in many times from one address.
        builder.UseSetting("Limits:SignInsPerMinute", "10000");
        builder.UseSetting("Limits:PerClientPerSecond", "10000");
        builder.UseSetting("Limits:MaxBacklog", "0");
        // Stories sign the same account in again within one 30-second step; one-use codes are tested in Fengqiao.Tests.
        builder.UseSetting("SecondFactor:RejectReusedCodes", "false");
    }

    /// <summary>A fresh, anonymous browser context (own cookies) with the given screen size.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize viewport, string locale = "en-US")
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var context = await Browser!.NewContextAsync(new() { Locale = locale, BaseURL = BaseUrl, ViewportSize = viewport });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context (own cookies) signed in through the sign-in page.</summary>
    public async Task<IPage> SignInAsync(string userName, string locale = "en-US", ViewportSize? viewport = null)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var context = await Browser!.NewContextAsync(new()
        {
            Locale = locale, BaseURL = BaseUrl, ViewportSize = viewport ?? new() { Width = 1280, Height = 900 },
            HasTouch = viewport is not null, IsMobile = viewport is not null,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", Fengqiao.Features.Demo.DemoAccounts.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        try
        {
            await page.WaitForURLAsync(BaseUrl + "/", new() { Timeout = 60000, WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"fengqiao-signin-{userName}.png") });
            throw new InvalidOperationException($"sign-in as {userName} did not reach the home page; at {page.Url}: {await page.InnerTextAsync("body")}");
        }
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
