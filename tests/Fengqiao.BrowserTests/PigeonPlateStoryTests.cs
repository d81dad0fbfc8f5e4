using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// The article's pigeon plate, end to end: a resident's report becomes a case in Xi'an Square's
/// area, Zhang Chunmin mediates and records the agreement, opens the hidden danger, he and the
/// community cadre remove it, it is verified, the return visit is logged, the case closes — and
/// the station's resolved count goes up by one.
/// </summary>
public sealed class PigeonPlateStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string XianStreet = "220106001";

    [Fact]
    public async Task APigeonPlateReportIsMediatedTheDangerRemovedAndTheCaseClosed()
    {
        var page = await app.SignInAsync("demo.officer2");
        await page.GotoAsync($"/disputes/stats?area={XianStreet}");
        var resolvedBefore = int.Parse(await page.InnerTextAsync("#figure-resolved"), System.Globalization.CultureInfo.InvariantCulture);

        await page.GotoAsync("/disputes/new?source=ResidentReport");
        await page.FillAsync("#Input_Title", "Pigeon plate fell from a balcony and hit cars");
        await page.FillAsync("#Input_Summary", "A pigeon-feeding plate fell from the fifth floor onto two parked cars. The owners want the damage paid.");
        await page.SelectOptionAsync("#Input_Category", "neighbour");
        await page.SelectOptionAsync("#Input_Risk", "Yellow");
        await page.SelectOptionAsync("#Input_AreaCode", $"{XianStreet}001001");
        await page.FillAsync("#Input_Address", "Building 5, Xi'an Avenue");
        await page.FillAsync("#Input_Parties_0__Name", "Car owner Li");
        await page.FillAsync("#Input_Parties_1__Name", "Pigeon keeper Zhao");
        await page.SelectOptionAsync("#Input_CoHandlerId", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("#case-form button[type=submit]");
        if (await page.Locator("#repeats").IsVisibleAsync())
        {
            await page.ClickAsync("#case-form button[type=submit]");
        }
        await Assertions.Expect(page.Locator("#case-title")).ToContainTextAsync("Pigeon plate");
        await Assertions.Expect(page.Locator("#case-officer")).ToHaveTextAsync("Zhang Chunmin");
        await Assertions.Expect(page.Locator("#case-state")).ToContainTextAsync("Resident report");

        await page.ClickAsync("#act-session summary");
        await page.FillAsync("#act-session input[name=place]", "Community mediation room");
        await page.FillAsync("#act-session input[name=mediators]", "Zhang Chunmin, community cadre");
        await page.SelectOptionAsync("#act-session select[name=outcome]", "Agreement");
        await page.ClickAsync("#act-session button[type=submit]");
        await Assertions.Expect(page.Locator("#sessions")).ToContainTextAsync("Community mediation room");

        await page.ClickAsync("#act-resolve summary");
        await page.FillAsync("#act-resolve textarea[name=terms]", "Zhao pays for the repairs and takes the plate down");
        await page.FillAsync("#act-resolve input[name=signedBy]", "Li, Zhao");
        await page.ClickAsync("#act-resolve button[type=submit]");
        await Assertions.Expect(page.Locator("#case-state")).ToContainTextAsync("Resolved");
        await Assertions.Expect(page.Locator("#agreement")).ToContainTextAsync("Judicial confirmation can be requested until");

        // "This is a hidden danger. What if the wind blows and hits people?"
        await page.ClickAsync("#act-danger summary");
        await page.SelectOptionAsync("#act-danger select[name=kind]", "FallingObject");
        await page.FillAsync("#act-danger input[name=rectifyBy]", DateTime.Today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#act-danger input[name=description]", "Pigeon plates on the balcony can be blown down onto people");
        await page.FillAsync("#act-danger input[name=responsibleParty]", "Pigeon keeper Zhao");
        await page.ClickAsync("#act-danger button[type=submit]");
        await page.ClickAsync("#case-dangers a");

        // The danger's own story: handed to the keeper with a date, his answer, the officer's judgement.
        await page.FillAsync("#refer-form input[name=responsibleParty]", "Pigeon keeper Zhao");
        await page.FillAsync("#refer-form input[name=note]", "Take every plate off the balcony");
        await page.ClickAsync("#refer-form button[type=submit]");
        await Assertions.Expect(page.Locator("#danger-referred")).ToContainTextAsync("Pigeon keeper Zhao");
        await page.FillAsync("#answer-form input[name=answer]", "Zhao will take them down this weekend");
        await page.ClickAsync("#answer-form button[type=submit]");
        await Assertions.Expect(page.Locator("#danger-referred")).ToContainTextAsync("this weekend");
        await page.ClickAsync("#assess-section summary");
        await page.SelectOptionAsync("#assess-form select[name=risk]", "Orange");
        await page.FillAsync("#assess-form input[name=measures]", "Falling object over a footpath: remove now, check the whole building");
        await page.ClickAsync("#assess-form button[type=submit]");
        await Assertions.Expect(page.Locator("#danger-assessed")).ToContainTextAsync("Zhang Chunmin");

        await page.FillAsync("#rectify-form input[name=rectifiedBy]", "Zhang Chunmin and the community cadres");
        await page.FillAsync("#rectify-form input[name=note]", "The keeper took the plates down himself");
        await page.ClickAsync("#rectify-form button[type=submit]");
        await Assertions.Expect(page.Locator("#danger-status")).ToContainTextAsync("Rectified");
        await page.ClickAsync("#verify-form button[type=submit]");
        await Assertions.Expect(page.Locator("#danger-status")).ToContainTextAsync("Verified");
        await Assertions.Expect(page.Locator("#danger-verified")).ToContainTextAsync("Zhang Chunmin");
        var history = page.Locator("#danger-history li");
        await Assertions.Expect(history).ToHaveCountAsync(6);
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("Registered");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("Referred");
        await Assertions.Expect(history.Nth(2)).ToContainTextAsync("this weekend");
        await Assertions.Expect(history.Nth(3)).ToContainTextAsync("check the whole building");
        await Assertions.Expect(history.Nth(5)).ToContainTextAsync("Verified");

        await page.ClickAsync("#danger-case a");
        await page.ClickAsync("#act-follow-up summary");
        await page.ClickAsync("#act-follow-up button[type=submit]");
        await Assertions.Expect(page.Locator("#follow-ups")).ToContainTextAsync("5/5");
        await page.ClickAsync("#act-close summary");
        await page.ClickAsync("#act-close button[type=submit]");
        await Assertions.Expect(page.Locator("#case-state")).ToContainTextAsync("Closed");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Danger opened");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Danger referred");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Danger verified");

        await page.GotoAsync($"/disputes/stats?area={XianStreet}");
        await Assertions.Expect(page.Locator("#figure-resolved")).ToHaveTextAsync((resolvedBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ADangersHistoryReadsInChinese()
    {
        var page = await app.SignInAsync("demo.officer2", "zh-CN");
        await page.GotoAsync("/dangers");
        await page.Locator("#dangers a[href^='/dangers/']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#danger-history li").First).ToContainTextAsync("登记隐患");
        if (await page.Locator("#refer-form").IsVisibleAsync())
        {
            await page.FillAsync("#refer-form input[name=responsibleParty]", "五号楼物业");
            await page.ClickAsync("#refer-form button[type=submit]");
            await Assertions.Expect(page.Locator("#danger-history")).ToContainTextAsync("移交责任方");
            await Assertions.Expect(page.Locator("#danger-referred")).ToContainTextAsync("五号楼物业");
        }
        await Assertions.Expect(page.Locator("h2", new() { HasText = "处置经过" })).ToBeVisibleAsync();
    }
}
