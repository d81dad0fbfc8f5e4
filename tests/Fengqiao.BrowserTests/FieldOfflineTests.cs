using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// An officer's day with the signal coming and going, on a 360-px phone: a visit and a hidden danger with a photo
/// recorded with the network off are kept on the phone, counted, and sent once when it returns; the same draft sent
/// again makes no second record; a change someone else made meanwhile is shown, not overwritten.
/// </summary>
public sealed class FieldOfflineTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    // A 1×1 PNG: what a phone camera gives is bigger, not different.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData("en-US", "1 saved on this phone, waiting to be sent", "2 saved on this phone, waiting to be sent")]
    [InlineData("zh-CN", "1 条记录保存在本机，等待发送", "2 条记录保存在本机，等待发送")]
    public async Task AVisitAndADangerWithAPhotoMadeOfflineReachTheServerExactlyOnce(string locale, string one, string two)
    {
        var page = await app.SignInAsync("demo.officer", locale, Phone);
        var mark = Guid.NewGuid().ToString("N")[..8];
        await ControlledByServiceWorkerAsync(page);
        var household = await FirstHouseholdAsync(page);

        // Both forms opened once online (the service worker keeps them), then the signal goes.
        await page.GotoAsync("/dangers/new");
        await page.GotoAsync($"/visits/new?household={household}");
        await page.Context.SetOfflineAsync(true);
        await Assertions.Expect(page.Locator("#drafts-offline")).ToBeVisibleAsync();
        await page.FillAsync("#Input_Notes", $"Offline visit {mark}: the lift is broken again.");
        await page.ClickAsync("#visit-submit");
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveTextAsync(one);
        await Assertions.Expect(page.Locator("#visit-form .draft-saved")).ToBeVisibleAsync();

        await page.GotoAsync("/dangers/new");
        await page.SelectOptionAsync("#Kind", "Fire");
        await page.FillAsync("#Description", $"Offline danger {mark}: bikes charging in the stairwell.");
        await page.SelectOptionAsync("#AreaCode", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#ResponsibleParty", "Property management");
        await page.SetInputFilesAsync("#Photos", new FilePayload { Name = "stairwell.png", MimeType = "image/png", Buffer = Png });
        await page.ClickAsync("#danger-submit");
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveTextAsync(two);

        // Keep a copy of the visit draft, to send it again later as a phone would after a lost answer.
        var copy = await page.EvaluateAsync<string>(
            "() => window.fengqiaoDrafts.db.drafts.filter(d => d.kind === 'visit').first().then(d => JSON.stringify(d))");

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 30000 });

        Assert.Equal(1, await CountAsync(page, "/visits?q=" + mark, "#visits .visit-row"));
        Assert.Equal(1, await CountAsync(page, "/dangers?q=" + mark, "#dangers tbody tr:has(a)"));
        await page.ClickAsync("#dangers tbody tr a >> nth=0");
        await Assertions.Expect(page.Locator("#danger-photos img")).ToHaveCountAsync(1);

        // The same draft again (its id made on the phone): the server answers with the visit it already has.
        await page.EvaluateAsync("copy => { const d = JSON.parse(copy); d.state = 'pending'; return window.fengqiaoDrafts.db.drafts.put(d).then(() => window.fengqiaoDrafts.sync()); }", copy);
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "0");
        Assert.Equal(1, await CountAsync(page, "/visits?q=" + mark, "#visits .visit-row"));
    }

    [Theory]
    [InlineData("en-US", "Someone else changed this record while you were editing it.", "Rectified")]
    [InlineData("zh-CN", "在您编辑期间，他人已修改此记录。", "已整改")]
    public async Task ARemovalRecordedOfflineThatMeetsSomeoneElsesChangeIsShownNotOverwritten(string locale, string conflict, string rectified)
    {
        var page = await app.SignInAsync("demo.officer", locale, Phone);
        await ControlledByServiceWorkerAsync(page);
        // The test's own danger, registered online through the form: nothing depends on what the demo data holds.
        var danger = await RegisterDangerAsync(page, $"Loose balcony plate {Guid.NewGuid().ToString("N")[..8]}");

        await page.Context.SetOfflineAsync(true);
        await page.FillAsync("#rectify-form input[name=rectifiedBy]", "Owner of flat 301");
        await page.FillAsync("#rectify-form input[name=note]", "Plate fixed with four bolts");
        await page.ClickAsync("#rectify-form button[type=submit]");
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "1");

        // Meanwhile the director judges the same danger from another phone: its version moves on.
        var director = await app.SignInAsync("demo.director", locale);
        await director.GotoAsync(danger);
        await director.ClickAsync("#assess-section summary");
        await director.FillAsync("#assess-form input[name=measures]", "Cordon off the pavement");
        await director.ClickAsync("#assess-form button[type=submit]");
        await Assertions.Expect(director.Locator("#danger-assessed")).ToContainTextAsync("Cordon off the pavement");
        await director.Context.CloseAsync();

        await page.Context.SetOfflineAsync(false);
        var kept = page.Locator("#drafts-list li");
        await Assertions.Expect(kept.Locator(".draft-message")).ToContainTextAsync(conflict, new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "1");

        // Not overwritten: the server still has the director's judgement and the danger is not marked removed.
        await page.GotoAsync(danger);
        await Assertions.Expect(page.Locator("#danger-assessed")).ToContainTextAsync("Cordon off the pavement");
        await Assertions.Expect(page.Locator("#danger-status")).Not.ToContainTextAsync(rectified);

        // Opened again, the officer sees the current record with their own words back in the form, and sends it on purpose.
        await page.Locator("#drafts-list li .draft-open").ClickAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#rectify-form .draft-review")).ToContainTextAsync(conflict);
        await Assertions.Expect(page.Locator("#danger-assessed")).ToContainTextAsync("Cordon off the pavement");
        await Assertions.Expect(page.Locator("#rectify-form input[name=note]")).ToHaveValueAsync("Plate fixed with four bolts");
        await page.ClickAsync("#rectify-form button[type=submit]");
        await Assertions.Expect(page.Locator("#danger-status")).ToContainTextAsync(rectified);
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Locator("#danger-assessed")).ToContainTextAsync("Cordon off the pavement");
    }

    [Fact]
    public async Task ACaseRegistrationMadeOfflineReachesTheServerExactlyOnce()
    {
        var page = await app.SignInAsync("demo.officer", "en-US", Phone);
        var mark = Guid.NewGuid().ToString("N")[..8];
        await ControlledByServiceWorkerAsync(page);
        await page.GotoAsync("/disputes/new");
        await page.Context.SetOfflineAsync(true);
        await FillCaseAsync(page, mark);
        await page.ClickAsync("#case-submit");
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.Locator("#case-form .draft-saved")).ToBeVisibleAsync();
        var copy = await page.EvaluateAsync<string>("() => window.fengqiaoDrafts.db.drafts.filter(d => d.kind === 'dispute').first().then(d => JSON.stringify(d))");

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 30000 });
        Assert.Equal(1, await CountAsync(page, "/disputes?q=" + mark, "#cases tbody tr:has(a)"));

        // Sent again, as after a lost answer: the case it registered, not a repeat of itself and not a second case.
        await page.EvaluateAsync("copy => { const d = JSON.parse(copy); d.state = 'pending'; return window.fengqiaoDrafts.db.drafts.put(d).then(() => window.fengqiaoDrafts.sync()); }", copy);
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "0");
        Assert.Equal(1, await CountAsync(page, "/disputes?q=" + mark, "#cases tbody tr:has(a)"));
    }

    [Theory]
    [InlineData("en-US", "2 saved on this phone, waiting to be sent")]
    [InlineData("zh-CN", "2 条记录保存在本机，等待发送")]
    public async Task AVolunteersTipAndPatrolMadeOfflineReachTheStationExactlyOnce(string locale, string two)
    {
        var phone = await VolunteerAsync(locale);
        var mark = Guid.NewGuid().ToString("N")[..8];
        await ControlledByServiceWorkerAsync(phone);
        await phone.GotoAsync("/portal/patrol");
        await phone.GotoAsync("/portal/tip");
        await phone.Context.SetOfflineAsync(true);
        await Assertions.Expect(phone.Locator("#drafts-offline")).ToBeVisibleAsync();
        await phone.FillAsync("#Input_Text", $"Batteries carried into the basement at night {mark}");
        await phone.ClickAsync("#tip-submit");
        await Assertions.Expect(phone.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "1");

        // The patrol form, opened earlier, comes from the phone's cache.
        await phone.GotoAsync("/portal/patrol");
        await phone.FillAsync("#Input_Route", $"East gate — building 5 {mark}");
        await phone.ClickAsync("#patrol-submit");
        await Assertions.Expect(phone.Locator("#drafts-count")).ToHaveTextAsync(two);
        var copy = await phone.EvaluateAsync<string>("() => window.fengqiaoDrafts.db.drafts.filter(d => d.kind === 'tip').first().then(d => JSON.stringify(d))");

        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(phone.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 30000 });
        await phone.GotoAsync("/portal/patrol");
        await Assertions.Expect(phone.Locator("#my-patrols li", new() { HasText = mark })).ToHaveCountAsync(1);
        await phone.GotoAsync("/portal/tip");
        await Assertions.Expect(phone.Locator("#my-tips li", new() { HasText = mark })).ToHaveCountAsync(1);

        await phone.EvaluateAsync("copy => { const d = JSON.parse(copy); d.state = 'pending'; return window.fengqiaoDrafts.db.drafts.put(d).then(() => window.fengqiaoDrafts.sync()); }", copy);
        await Assertions.Expect(phone.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "0");
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("#my-tips li", new() { HasText = mark })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ASyncCutHalfWayLosesNothingAndDoublesNothing()
    {
        // Service workers blocked, so that every request of the page passes Playwright's route (drafts.js needs no worker);
        // the three drafts are made on the one page already open.
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        var context = await app.Browser!.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, ViewportSize = Phone, HasTouch = true, IsMobile = true, ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var page = await SignInAsync(context, "demo.officer");
        var mark = Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync("/dangers/new");
        await page.Context.SetOfflineAsync(true);
        for (var n = 1; n <= 3; n++)
        {
            await page.SelectOptionAsync("#Kind", "Fire");
            await page.FillAsync("#Description", $"Cut sync {mark}-{n}: bikes charging in the stairwell.");
            await page.SelectOptionAsync("#AreaCode", new SelectOptionValue { Index = 1 });
            await page.FillAsync("#ResponsibleParty", "Property management");
            await page.ClickAsync("#danger-submit");
            await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // The second draft reaches the server, which saves it, but its answer is lost: the signal goes at that moment.
        var posts = 0;
        var cut = new TaskCompletionSource();
        await page.RouteAsync("**/dangers/new", async route =>
        {
            if (route.Request.Method != "POST" || Interlocked.Increment(ref posts) != 2)
            {
                await route.ContinueAsync();
                return;
            }
            await route.FetchAsync();
            await route.AbortAsync("internetdisconnected");
            cut.TrySetResult();
        });
        await page.Context.SetOfflineAsync(false);
        await cut.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await page.Context.SetOfflineAsync(true);
        // Kept on the phone: the one whose answer was lost and the one not yet sent.
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "2");

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#drafts-count")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 30000 });
        Assert.True(posts >= 4, $"{posts} posts");
        for (var n = 1; n <= 3; n++)
        {
            Assert.Equal(1, await CountAsync(page, $"/dangers?q={mark}-{n}", "#dangers tbody tr:has(a)"));
        }
        Assert.Equal(3, await CountAsync(page, $"/dangers?q={mark}", "#dangers tbody tr:has(a)"));
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string userName)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", Fengqiao.Features.Demo.DemoAccounts.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    private static async Task FillCaseAsync(IPage page, string mark)
    {
        await page.FillAsync("#Input_Title", $"Boxes blocking the stairwell {mark}");
        await page.FillAsync("#Input_Summary", "Neighbours quarrel over boxes kept in the stairwell.");
        await page.SelectOptionAsync("#Input_Source", "WalkIn");
        await page.SelectOptionAsync("#Input_Category", "neighbour");
        await page.SelectOptionAsync("#Input_Risk", "Blue");
        await page.SelectOptionAsync("#Input_AreaCode", "220104001001001");
        await page.FillAsync("#Input_Parties_0__Name", $"Sun {mark}");
    }

    private async Task<IPage> VolunteerAsync(string locale)
    {
        var phone = await app.NewPageAsync(Phone, locale);
        await phone.GotoAsync("/portal/login");
        await phone.FillAsync("#Input_UserName", "demo.volunteer");
        await phone.FillAsync("#Input_Password", Fengqiao.Features.Demo.DemoAccounts.Password);
        await phone.ClickAsync("#resident-login-form button[type=submit]");
        await phone.WaitForURLAsync($"{app.BaseUrl}/portal");
        return phone;
    }

    /// <summary>Registers a danger online through /dangers/new and returns the address of its page.</summary>
    private static async Task<string> RegisterDangerAsync(IPage page, string description)
    {
        await page.GotoAsync("/dangers/new");
        await page.SelectOptionAsync("#Kind", "Fire");
        await page.FillAsync("#Description", description);
        await page.SelectOptionAsync("#AreaCode", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#ResponsibleParty", "Property management");
        await page.ClickAsync("#danger-submit");
        await page.WaitForURLAsync(new Regex("/dangers/\\d+$"));
        await Assertions.Expect(page.Locator("#rectify-form")).ToBeVisibleAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    private static async Task ControlledByServiceWorkerAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => navigator.serviceWorker && navigator.serviceWorker.ready.then(() => true)");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => !!navigator.serviceWorker.controller");
    }

    private static async Task<string> FirstHouseholdAsync(IPage page)
    {
        await page.GotoAsync("/households");
        var href = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href')).find(h => /^\\/households\\/\\d+$/.test(h))");
        return Regex.Match(href, "\\d+$").Value;
    }

    private static async Task<int> CountAsync(IPage page, string url, string rows)
    {
        await page.GotoAsync(url);
        return await page.Locator(rows).CountAsync();
    }
}
