using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// Wu Hui on his bike, phone in hand: he opens the hundred-day campaign, sees how far his street
/// has got, taps "Visit" next to a household not yet visited, writes the notepad, ticks the
/// anti-fraud advice and the resident's demand for a job near home, and saves. The campaign's count
/// rises by one, and the visit leads to the demand, which he refers to the community committee and
/// whose answer he records.
/// </summary>
public sealed partial class FieldVisitStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [GeneratedRegex(@"/visits/new\?household=\d+")]
    private static partial Regex VisitForm();

    [GeneratedRegex(@"/visits/\d+$")]
    private static partial Regex VisitPage();

    [GeneratedRegex(@"^/demands/\d+$")]
    private static partial Regex DemandLink();

    [GeneratedRegex(@"/demands/\d+$")]
    private static partial Regex DemandPage();

    [Fact]
    public async Task AnOfficerOnAPhoneVisitsAHouseholdWhoseDemandIsReferredToTheCommunityAndAnswered()
    {
        var page = await app.SignInAsync("demo.officer");
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/campaigns");
        await page.Locator("#campaigns a.campaign-link", new() { HasText = "百日大走访" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#coverage-grids")).ToBeVisibleAsync();
        var campaignPath = new Uri(page.Url).AbsolutePath;
        var before = int.Parse((await page.InnerTextAsync("#coverage-visited")).Trim(), CultureInfo.InvariantCulture);
        Assert.True(before > 0, "the demo campaign has visits already");

        var household = page.Locator("#campaign-households li.household-row").First;
        var address = (await household.Locator(".household-address").InnerTextAsync()).Trim();
        await household.Locator("a.visit-button").ClickAsync();
        await page.WaitForURLAsync(VisitForm());
        var formUrl = page.Url;
        await Assertions.Expect(page.Locator("#visit-household")).ToContainTextAsync(address);
        await Assertions.Expect(page.Locator("#visit-campaign")).ToContainTextAsync("百日大走访");
        // One-handed on a phone: the save button spans the screen.
        var button = await page.Locator("#visit-submit").BoundingBoxAsync();
        Assert.True(button is { Width: > 300 }, $"the save button is {button?.Width} px wide");

        const string notes = "The young mother of a two-year-old wants a job near home that lets her fetch the child from nursery.";
        await page.FillAsync("#Input_Notes", notes);
        await page.FillAsync("#Input_CompanionName", "Liu Xiaoyan");
        await page.CheckAsync("#Input_AntiFraudGiven");
        await Assertions.Expect(page.Locator("#demand-section")).ToBeHiddenAsync();
        await page.CheckAsync("#Input_RaisedDemand");
        await Assertions.Expect(page.Locator("#demand-section")).ToBeVisibleAsync();
        // The demand starts as what was written in the notepad.
        await Assertions.Expect(page.Locator("#Input_DemandDescription")).ToHaveValueAsync(notes);
        await page.SelectOptionAsync("#Input_DemandCategory", "Employment");
        await page.ClickAsync("#visit-submit");

        await page.WaitForURLAsync(VisitPage());
        await Assertions.Expect(page.Locator("#visit-message")).ToContainTextAsync("saved");
        await Assertions.Expect(page.Locator("#visit-notes")).ToContainTextAsync("job near home");
        await Assertions.Expect(page.Locator("#visit-anti-fraud")).ToContainTextAsync("Yes");
        await Assertions.Expect(page.Locator("#visit-companion")).ToContainTextAsync("Liu Xiaoyan");
        await Assertions.Expect(page.Locator("#register-dispute")).ToHaveAttributeAsync("href", "/disputes/new?source=HomeVisit");
        var demand = page.Locator("#visit-demand a").First;
        Assert.Matches(DemandLink(), await demand.GetAttributeAsync("href") ?? "");
        var visitUrl = page.Url;

        // The campaign counts the household.
        await page.GotoAsync(campaignPath);
        await Assertions.Expect(page.Locator("#coverage-visited")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));

        // The demand waits, open, for the community to refer or answer it.
        await page.GotoAsync(visitUrl);
        await page.Locator("#visit-demand a").First.ClickAsync();
        await page.WaitForURLAsync(DemandPage());
        await Assertions.Expect(page.Locator("#demand-status")).ToContainTextAsync("Open");

        // Referred to her community committee (first in the list), which answers it.
        Assert.Contains("Committee", await page.Locator("#refer-unit option").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#act-refer button[type=submit]");
        await Assertions.Expect(page.Locator("#demand-status")).ToContainTextAsync("Referred");
        await page.FillAsync("#answer-text", "The community job desk found her part-time work in the nursery canteen");
        await page.FillAsync("#answer-by", "Community committee");
        await page.ClickAsync("#act-answer button[type=submit]");
        await Assertions.Expect(page.Locator("#demand-status")).ToContainTextAsync("Answered");
        await Assertions.Expect(page.Locator("#demand-answer")).ToContainTextAsync("nursery canteen");

        // The form speaks Chinese to a Chinese phone.
        var zh = await app.SignInAsync("demo.officer", "zh-CN");
        await zh.SetViewportSizeAsync(390, 844);
        await zh.GotoAsync(formUrl);
        await Assertions.Expect(zh.Locator("#visit-submit")).ToHaveTextAsync("保存走访记录");
        await Assertions.Expect(zh.Locator("label[for=Input_RaisedDemand]")).ToHaveTextAsync("群众提出了诉求");
    }
}
