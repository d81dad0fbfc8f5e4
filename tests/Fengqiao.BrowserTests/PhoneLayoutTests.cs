using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// Every staff page on a 360 × 740 phone, in English and in Chinese: nothing wider than the screen
/// (no sideways scrolling, not even inside a table wrapper) and nothing to tap smaller than 44 × 44 px.
/// Lists read as cards there; detail pages are reached from the first row of each list.
/// </summary>
public sealed class PhoneLayoutTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    private static readonly string[] LeaderPages =
    [
        "/", "/requests", "/disputes", "/disputes/new", "/disputes/stats", "/dangers", "/diversions",
        "/households", "/households/new", "/households/import", "/campaigns", "/campaigns/new", "/visits", "/visits/new",
        "/demands", "/demands/new", "/projects", "/teams", "/patrols", "/tips", "/outreach", "/meetings",
        "/supervision", "/statistics", "/services", "/services/rectifications", "/services/stats",
        "/areas", "/units", "/people", "/secondments", "/account/notices", "/account/2fa",
    ];

    private static readonly string[] AdminPages = ["/outbox", "/outbox/templates", "/diversions/kinds"];

    private static readonly string[] SecurityPages = ["/users"];

    // Finds what a thumb cannot use: a page wider than the screen, a scroll box scrolling sideways,
    // a link, button or field smaller than 44 px. A link inside a sentence is exempt (WCAG 2.5.8).
    private const string Problems = """
        () => {
          const out = [];
          const doc = document.documentElement;
          if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page is ${doc.scrollWidth}px wide`);
          for (const el of document.querySelectorAll('main *')) {
            const s = getComputedStyle(el);
            if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1
                && !el.closest('.map, .leaflet-container, .chart'))
              out.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways (${el.scrollWidth}px)`);
          }
          const targets = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]');
          for (const el of targets) {
            if (el.closest('.leaflet-container, .chart, [aria-hidden=true]')) continue;
            let box = el;
            if (el.matches('input[type=checkbox], input[type=radio]')) box = el.closest('label, .form-check') || el;
            // A Bootstrap toggle button hides its input: the thumb taps the label it names.
            if (el.matches('.btn-check') && el.id) box = document.querySelector(`label[for="${el.id}"]`) || box;
            const r = box.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
              const block = el.parentElement;
              if (block && block.textContent.trim().length > el.textContent.trim().length + 8) continue;
            }
            if (r.width < 43.5 || r.height < 43.5) {
              const name = (el.textContent || el.getAttribute('aria-label') || el.name || el.type || '').trim().slice(0, 30);
              out.push(`${el.tagName.toLowerCase()} "${name}" is ${Math.round(r.width)}×${Math.round(r.height)}`);
            }
          }
          return [...new Set(out)];
        }
        """;

    // The first record of a list, so that detail pages are visited too.
    private const string FirstDetail = """
        (prefix) => {
          const a = [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))
            .find(h => new RegExp('^' + prefix + '/\\d+$').test(h));
          return a || null;
        }
        """;

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task EveryStaffPageFitsAPhoneAndEveryTargetTakesAThumb(string locale)
    {
        var failures = new List<string>();
        await CheckAsync(await app.SignInAsync("demo.director", locale, Phone), LeaderPages, failures, followDetails: true);
        await CheckAsync(await SignInWithCodeAsync("demo.admin", locale), AdminPages, failures, followDetails: false);
        await CheckAsync(await SignInWithCodeAsync("demo.security", locale), SecurityPages, failures, followDetails: false);
        Assert.True(failures.Count == 0, $"{locale} at 360×740:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task TheDisputeWorklistReadsAsCardsWithTheNextActionAsAButton()
    {
        var page = await app.SignInAsync("demo.officer", "zh-CN", Phone);
        await page.GotoAsync("/disputes");
        var card = page.Locator("#cases tbody tr").First;
        await Assertions.Expect(page.Locator("#cases thead")).ToBeHiddenAsync();
        await Assertions.Expect(card.Locator("td[data-label=风险等级]")).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator("td[data-label=期限]")).ToBeVisibleAsync();
        var open = card.Locator("td.card-action a.btn");
        await Assertions.Expect(open).ToHaveTextAsync("打开");
        var box = await card.BoundingBoxAsync();
        Assert.True(box!.Width <= Phone.Width, "a card fits the screen");
        await open.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/disputes/\\d+$"));
    }

    /// <summary>Administrators and security officers have a second factor: the demo accounts' authenticator code.</summary>
    private async Task<IPage> SignInWithCodeAsync(string userName, string locale)
    {
        var page = await app.NewPageAsync(Phone, locale);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", Fengqiao.Features.Demo.DemoAccounts.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/login-code"));
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(Fengqiao.Features.Demo.DemoAccounts.AuthenticatorKey)).ComputeTotp();
        await page.FillAsync("#Code", code);
        await page.ClickAsync("#code-form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    private static async Task CheckAsync(IPage page, string[] paths, List<string> failures, bool followDetails)
    {
        foreach (var path in paths)
        {
            await CheckPageAsync(page, path, failures);
            if (!followDetails || path == "/" || path.Count(c => c == '/') > 1)
            {
                continue;
            }
            var detail = await page.EvaluateAsync<string?>(FirstDetail, path);
            if (detail is not null)
            {
                await CheckPageAsync(page, detail, failures);
            }
        }
        await page.Context.CloseAsync();
    }

    private static async Task CheckPageAsync(IPage page, string path, List<string> failures)
    {
        var response = await page.GotoAsync(path);
        if (response is null || !response.Ok)
        {
            failures.Add($"{path}: HTTP {response?.Status}");
            return;
        }
        foreach (var problem in await page.EvaluateAsync<string[]>(Problems))
        {
            failures.Add($"{path}: {problem}");
        }
    }
}
